package app.herald.content.application;

import app.herald.kernel.WallClock;
import app.herald.content.domain.Channel;
import app.herald.content.domain.ImportReport;
import app.herald.content.domain.ImportReport.Problem;
import app.herald.content.domain.ImportRow;
import app.herald.content.domain.MediaFile;
import app.herald.content.domain.MediaRules;
import app.herald.content.domain.TextRules;
import app.herald.identity.domain.Actor;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.application.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Bulk import of draft posts from CSV: a dry run reports every bad line with its reason; the import itself checks
 * again and creates all posts in one transaction, or none.
 *
 * <p>Columns (header required): date (yyyy-MM-dd) and time (HH:mm) in the client's zone, text, channels (handles
 * separated by ";"), and optionally campaign and media, which must name existing ones.
 */
@Stateless
public class PostImport {

    public static final int MAX_ROWS = 1000;
    public static final int MAX_CHARS = 1_000_000;
    private static final Set<String> REQUIRED = Set.of("date", "time", "text", "channels");

    @Inject
    TenantContext context;
    @Inject
    Channels channels;
    @Inject
    Posts posts;
    @Inject
    Campaigns campaigns;
    @Inject
    MediaLibrary library;

    public ImportReport check(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new RuleViolation("The file is empty.");
        }
        if (csv.length() > MAX_CHARS) {
            throw new RuleViolation("The file is larger than 1 MB; split it into smaller files.");
        }
        Lookups lookups = new Lookups(context.current().zone(), channels.all().stream()
                .collect(Collectors.toMap(c -> c.getHandle().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a)),
                library.all().stream().collect(Collectors.toMap(m -> m.getFileName().toLowerCase(Locale.ROOT),
                        Function.identity(), (newer, older) -> newer)));
        List<ImportRow> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreHeaderCase(true).get().parse(new StringReader(csv))) {
            Set<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
            if (!header.containsAll(REQUIRED)) {
                throw new RuleViolation("The first line must name the columns date, time, text and channels "
                        + "(and optionally campaign and media).");
            }
            for (CSVRecord record : parser) {
                if (rows.size() + problems.size() >= MAX_ROWS) {
                    throw new RuleViolation("At most " + MAX_ROWS + " posts per import.");
                }
                checkRow(record, (int) parser.getCurrentLineNumber(), parser.getHeaderNames().size(), lookups, rows,
                        problems);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new RuleViolation("The file is not valid CSV (" + e.getMessage()
                    + "). Check for unbalanced quotes; nothing was imported.");
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(1, "The file has a header but no posts."));
        }
        return new ImportReport(rows, problems);
    }

    /** Imports every row as a scheduled draft, or nothing at all if any line has a problem. */
    public List<Long> importAll(Actor actor, String csv) {
        ImportReport report = check(csv);
        if (!report.isImportable()) {
            throw new RuleViolation("Nothing was imported: " + report.problems().size()
                    + " line(s) have problems. Run the check and fix them first.");
        }
        List<Long> created = new ArrayList<>();
        Instant now = Instant.now();
        for (ImportRow row : report.rows()) {
            long id = posts.draft(actor, row.title(), row.text(), new LinkedHashSet<>(row.channelIds())).getId();
            posts.schedule(actor, id, row.when());
            if (!row.mediaIds().isEmpty()) {
                Map<Long, List<Long>> media = new java.util.HashMap<>();
                row.channelIds().forEach(channel -> media.put(channel, row.mediaIds()));
                posts.attachMedia(actor, id, media);
            }
            if (row.campaignId() != null) {
                posts.classify(actor, id, row.campaignId(), java.util.List.of());
            }
            created.add(id);
        }
        return created;
    }

    /** What a file's lines are checked against, read once per file. */
    private record Lookups(ZoneId zone, Map<String, Channel> channels, Map<String, MediaFile> media) {
    }

    private void checkRow(CSVRecord record, int line, int columns, Lookups lookups, List<ImportRow> rows,
                          List<Problem> problems) {
        ZoneId zone = lookups.zone();
        List<String> reasons = new ArrayList<>();
        Instant when = null;
        String whenLocal = null;
        if (!record.isConsistent()) {
            reasons.add("expected " + columns + " columns, found " + record.size());
        } else {
            try {
                LocalDateTime local = LocalDateTime.of(LocalDate.parse(record.get("date")), LocalTime.parse(record.get("time")));
                ZonedDateTime zoned = WallClock.at(local, zone);
                if (!zoned.toLocalDateTime().equals(local)) {
                    reasons.add(local + " does not exist in " + zone.getId() + " (the clocks spring forward)");
                } else if (!zoned.toInstant().isAfter(Instant.now())) {
                    reasons.add(record.get("date") + " " + record.get("time") + " is in the past");
                }
                when = zoned.toInstant();
                whenLocal = local.toString().replace('T', ' ');
            } catch (DateTimeParseException e) {
                reasons.add("date must be yyyy-MM-dd and time HH:mm (got \"" + record.get("date") + "\" and \""
                        + record.get("time") + "\")");
            }
            String text = record.get("text");
            List<MediaFile> attached = new ArrayList<>();
            optional(record, "media").ifPresent(names -> {
                for (String name : names.split(";")) {
                    if (!name.isBlank()) {
                        MediaFile found = lookups.media().get(name.strip().toLowerCase(Locale.ROOT));
                        if (found == null) {
                            reasons.add("no media file named \"" + name.strip() + "\" in the library");
                        } else {
                            attached.add(found);
                        }
                    }
                }
            });
            Set<String> handles = new HashSet<>();
            List<Long> ids = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (String handle : record.get("channels").split(";")) {
                String key = handle.strip().toLowerCase(Locale.ROOT);
                if (key.isEmpty() || !handles.add(key)) {
                    continue;
                }
                Channel channel = lookups.channels().get(key);
                if (channel == null) {
                    reasons.add("no channel \"" + handle.strip() + "\" in this client");
                } else {
                    ids.add(channel.getId());
                    labels.add(channel.label());
                    TextRules.check(channel.getNetwork(), text, attached.size()).problems()
                            .forEach(p -> reasons.add(channel.label() + ": " + p));
                    MediaRules.of(channel.getNetwork()).problems(attached)
                            .forEach(p -> reasons.add(channel.label() + ": " + p));
                }
            }
            if (handles.isEmpty()) {
                reasons.add("no channel given");
            }
            if (text.isBlank()) {
                reasons.add("the text is empty");
            }
            Long campaign = optional(record, "campaign").map(c -> campaigns.byName(c).map(x -> x.getId()).orElseGet(() -> {
                reasons.add("no campaign named \"" + c + "\"");
                return null;
            })).orElse(null);
            if (reasons.isEmpty()) {
                rows.add(new ImportRow(line, when, whenLocal, text, ids, labels, campaign,
                        attached.stream().map(MediaFile::getId).toList()));
            }
        }
        reasons.forEach(r -> problems.add(new Problem(line, r)));
    }

    private static java.util.Optional<String> optional(CSVRecord record, String column) {
        return record.isMapped(column) && !record.get(column).isBlank() ? java.util.Optional.of(record.get(column))
                : java.util.Optional.empty();
    }
}
