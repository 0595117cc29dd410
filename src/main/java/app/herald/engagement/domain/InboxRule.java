package app.herald.engagement.domain;

import app.herald.content.domain.Network;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.Text;
import app.herald.publishing.domain.InteractionKind;
import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * A client's rule for what comes in: conditions (all that are set must hold; words and phrases match any one of
 * them, whole words, any case; a regular expression with a time limit; networks, channels, kinds; the author's tag or
 * VIP mark; the language) and actions (tag, assign, set the priority, mark done, hide, tell people). Every enabled
 * rule that matches acts, in order, until one that says "stop here" matched.
 */
@Entity
@Table(name = "inbox_rule")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "InboxRule.all", query = "SELECT r FROM InboxRule r ORDER BY r.position, r.id")
public class InboxRule implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean enabled;

    @Column(nullable = false)
    private String words;

    @Column
    private String pattern;

    @Column(nullable = false)
    private String networks;

    @Column(name = "channel_ids", nullable = false)
    private String channelIds;

    @Column(nullable = false)
    private String kinds;

    @Column(name = "contact_tag")
    private String contactTag;

    @Column(name = "vip_only", nullable = false)
    private boolean vipOnly;

    @Column
    private String language;

    @Column(name = "add_tag")
    private String addTag;

    @Column(name = "assign_to")
    private Long assignTo;

    @Enumerated(EnumType.STRING)
    @Column(name = "set_priority")
    private Priority setPriority;

    @Column(name = "mark_done", nullable = false)
    private boolean markDone;

    @Column(nullable = false)
    private boolean hide;

    @Column(name = "notify_ids", nullable = false)
    private String notifyIds;

    @Column(name = "stop_here", nullable = false)
    private boolean stopHere;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    @Version
    private int version;

    @Transient
    private transient Pattern wordsPattern;
    @Transient
    private transient BoundedPattern boundedPattern;

    protected InboxRule() {
    }

    public InboxRule(int position, RuleDefinition definition, Instant now) {
        this.position = position;
        this.createdAt = now.toEpochMilli();
        this.enabled = true;
        define(definition);
    }

    /** Replaces what the rule looks for and does; everything is checked before anything changes. */
    public void define(RuleDefinition d) {
        String checkedName = Text.name("A rule's name", d.name(), 80);
        List<String> phrases = d.phrases();
        String checkedWords = String.join("\n", phrases);
        if (checkedWords.length() > 1000) {
            throw new RuleViolation("The words and phrases take at most 1,000 characters together.");
        }
        String checkedPattern = d.pattern().filter(p -> !p.isBlank()).map(p -> BoundedPattern.of(p).source())
                .orElse(null);
        String tag = d.contactTag().filter(t -> !t.isBlank()).map(Tags::clean).orElse(null);
        String addedTag = d.addTag().filter(t -> !t.isBlank()).map(Tags::clean).orElse(null);
        String lang = d.language().filter(l -> !l.isBlank()).map(InboxRule::checkedLanguage).orElse(null);
        if (addedTag == null && d.assignTo().isEmpty() && d.priority().isEmpty() && !d.markDone() && !d.hide()
                && d.notifyPeople().isEmpty()) {
            throw new RuleViolation("A rule must do something: tag, assign, set a priority, mark done, hide or notify.");
        }
        name = checkedName;
        words = checkedWords;
        pattern = checkedPattern;
        networks = d.networks().stream().map(Network::name).sorted().collect(Collectors.joining(","));
        channelIds = d.channels().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        kinds = d.kinds().stream().map(InteractionKind::name).sorted().collect(Collectors.joining(","));
        contactTag = tag;
        vipOnly = d.vipOnly();
        language = lang;
        addTag = addedTag;
        assignTo = d.assignTo().orElse(null);
        setPriority = d.priority().orElse(null);
        markDone = d.markDone();
        hide = d.hide();
        notifyIds = d.notifyPeople().stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        stopHere = d.stopHere();
        wordsPattern = null;
        boundedPattern = null;
    }

    private static String checkedLanguage(String typed) {
        String code = typed.strip().toLowerCase(Locale.ROOT);
        if (!code.matches("[a-z]{2,3}(-[a-z0-9]{2,8})?")) {
            throw new RuleViolation("A language is a code such as en, de or pt-br.");
        }
        return code;
    }

    /** Whether every condition that is set holds for the item. */
    public boolean matches(RuleSubject item) {
        if (!enabled) {
            return false;
        }
        if (!networks.isEmpty() && !list(networks).contains(item.network().name())) {
            return false;
        }
        if (!channelIds.isEmpty() && !list(channelIds).contains(String.valueOf(item.channelId()))) {
            return false;
        }
        if (!kinds.isEmpty() && !list(kinds).contains(item.kind().name())) {
            return false;
        }
        if (vipOnly && !item.authorVip()) {
            return false;
        }
        if (contactTag != null && !item.authorTags().contains(contactTag)) {
            return false;
        }
        if (language != null && (item.language() == null
                || !item.language().toLowerCase(Locale.ROOT).startsWith(language))) {
            return false;
        }
        if (!words.isEmpty() && !wordsPattern().matcher(item.text()).find()) {
            return false;
        }
        return pattern == null || boundedPattern().find(item.text()) == BoundedPattern.Result.FOUND;
    }

    private Pattern wordsPattern() {
        if (wordsPattern == null) {
            String any = Arrays.stream(words.split("\n")).filter(w -> !w.isBlank())
                    .map(w -> "(?<![\\p{L}\\p{N}])" + Pattern.quote(w.strip()) + "(?![\\p{L}\\p{N}])")
                    .collect(Collectors.joining("|"));
            wordsPattern = Pattern.compile(any, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
        return wordsPattern;
    }

    private BoundedPattern boundedPattern() {
        if (boundedPattern == null) {
            boundedPattern = BoundedPattern.of(pattern);
        }
        return boundedPattern;
    }

    private static List<String> list(String column) {
        return Arrays.stream(column.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public void enable(boolean value) {
        this.enabled = value;
    }

    public void moveTo(int newPosition) {
        this.position = newPosition;
    }

    /** What the rule says it does, for the list of rules. */
    public RuleDefinition definition() {
        return new RuleDefinition(name, Arrays.stream(words.split("\n")).filter(w -> !w.isBlank()).toList(),
                Optional.ofNullable(pattern),
                list(networks).stream().map(Network::valueOf).collect(Collectors.toSet()),
                list(channelIds).stream().map(Long::valueOf).collect(Collectors.toSet()),
                list(kinds).stream().map(InteractionKind::valueOf).collect(Collectors.toSet()),
                Optional.ofNullable(contactTag), vipOnly, Optional.ofNullable(language), Optional.ofNullable(addTag),
                Optional.ofNullable(assignTo), Optional.ofNullable(setPriority), markDone, hide,
                list(notifyIds).stream().map(Long::valueOf).collect(Collectors.toSet()), stopHere);
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Optional<String> getAddTag() {
        return Optional.ofNullable(addTag);
    }

    public Optional<Long> getAssignTo() {
        return Optional.ofNullable(assignTo);
    }

    public Optional<Priority> getSetPriority() {
        return Optional.ofNullable(setPriority);
    }

    public boolean isMarkDone() {
        return markDone;
    }

    public boolean isHide() {
        return hide;
    }

    public Set<Long> getNotify() {
        return list(notifyIds).stream().map(Long::valueOf).collect(Collectors.toSet());
    }

    public boolean isStopHere() {
        return stopHere;
    }

    /** The rules that act on an item, in order: every enabled match until one that stops. */
    public static List<InboxRule> acting(Collection<InboxRule> rulesInOrder, RuleSubject item) {
        List<InboxRule> acting = new java.util.ArrayList<>();
        for (InboxRule rule : rulesInOrder) {
            if (rule.matches(item)) {
                acting.add(rule);
                if (rule.isStopHere()) {
                    break;
                }
            }
        }
        return acting;
    }
}
