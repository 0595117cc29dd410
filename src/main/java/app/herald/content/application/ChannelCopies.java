package app.herald.content.application;

import app.herald.content.domain.MediaFile;
import app.herald.kernel.sql.Jdbc;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * What goes out on a channel, read inside the transaction of the one who sends it (publishing reads it for every
 * publication). A CDI bean that only joins a transaction: an EJB call would cost the container's whole invocation on
 * every publication for nothing (ADR 0032).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChannelCopies {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    /**
     * What goes out on one channel: the text and first comment of the post's variant for it, the post's campaign
     * (null when none), and the variant's media in order.
     */
    public record ChannelCopy(String text, String firstComment, Long campaignId, List<MediaFile> media) {
    }

    private record Row(String text, String firstComment, Long campaignId, Long mediaId) {
    }

    /**
     * The post's variant for the channel with the post's campaign and the variant's media ids in order, in one query
     * (one row per medium, or one without); empty when the post has no variant for the channel. Read in plain SQL
     * rather than as entities: nothing of it is changed by the one who sends it, and building the variant and
     * registering it for change tracking was most of what this read cost on every publication (docs/performance.md,
     * issue 14's sixth step). The media, when there are any, are the library's entities, read in one more query.
     */
    public Optional<ChannelCopy> of(long postId, long channelId) {
        List<Row> rows = Jdbc.list(dataSource, "SELECT v.text, v.first_comment, p.campaign_id, a.media_id FROM "
                + context.table("variant") + " v JOIN " + context.table("post") + " p ON p.id = v.post_id LEFT JOIN "
                + context.table("variant_media") + " a ON a.variant_id = v.id WHERE v.post_id = ? AND v.channel_id = ? "
                + "ORDER BY a.position", row -> new Row(row.getString(1), row.getString(2), Jdbc.longOrNull(row, 3),
                Jdbc.longOrNull(row, 4)), postId, channelId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Long> mediaIds = rows.stream().map(Row::mediaId).filter(Objects::nonNull).toList();
        Row first = rows.get(0);
        if (mediaIds.isEmpty()) {
            return Optional.of(new ChannelCopy(first.text(), first.firstComment(), first.campaignId(), List.of()));
        }
        Map<Long, MediaFile> found = em.createNamedQuery("MediaFile.byIds", MediaFile.class)
                .setParameter("ids", mediaIds).getResultList().stream()
                .collect(Collectors.toMap(MediaFile::getId, Function.identity()));
        List<MediaFile> media = mediaIds.stream().map(found::get).filter(Objects::nonNull).toList();
        return Optional.of(new ChannelCopy(first.text(), first.firstComment(), first.campaignId(), media));
    }
}
