package app.herald.engagement.domain;

import app.herald.kernel.RuleViolation;
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
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * A thread the agency works through: one comment, mention or quote with the answers under it, or one thread of direct
 * messages. Its state follows from who spoke last: NEW while someone waits for an answer, PENDING once the client's
 * answer went out, DONE when someone closed it; a new word from the other side makes it NEW again. It remembers since
 * when someone waits, so that the first answer's response time can be measured.
 */
@Entity
@Table(name = "conversation")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "Conversation.byThreads",
        query = "SELECT c FROM Conversation c WHERE c.channelId = :channelId AND c.threadKey IN :threadKeys")
@NamedQuery(name = "Conversation.countInState", query = "SELECT COUNT(c) FROM Conversation c WHERE c.state = :state")
public class Conversation implements Serializable {

    private static final long serialVersionUID = 1L;
    /** What the list shows of the latest words the other side said. */
    public static final int PREVIEW_LENGTH = 280;
    /** How much text a search over conversations looks at: the preview, who took part, the latest words. */
    private static final int SEARCH_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "channel_id", nullable = false, updatable = false)
    private long channelId;

    @Column(name = "thread_key", nullable = false, updatable = false)
    private String threadKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private InteractionKind kind;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(name = "publication_id")
    private Long publicationId;

    @Column(nullable = false)
    private String preview;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConversationState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Priority priority;

    @Column(name = "assignee_id")
    private Long assigneeId;

    @Column(nullable = false)
    private String tags;

    @Column(name = "inbound_count", nullable = false)
    private int inboundCount;

    @Column(name = "opened_at", nullable = false)
    private long openedAt;

    @Column(name = "last_inbound_at", nullable = false)
    private long lastInboundAt;

    @Column(name = "last_reply_at")
    private Long lastReplyAt;

    @Column(name = "waiting_since")
    private Long waitingSince;

    @Column(name = "done_at")
    private Long doneAt;

    @Column(name = "last_activity_at", nullable = false)
    private long lastActivityAt;

    @Column(name = "replying_user_id")
    private Long replyingUserId;

    @Column(name = "replying_name")
    private String replyingName;

    @Column(name = "replying_until")
    private Long replyingUntil;

    @Column(name = "search_text", nullable = false)
    private String searchText;

    @Column(name = "created_at", nullable = false, updatable = false)
    private long createdAt;

    @Version
    private int version;

    protected Conversation() {
    }

    /** Opened by the first thing someone said: a comment, a mention, a quote or a message. */
    public Conversation(long channelId, String threadKey, InteractionKind kind, long contactId, Long publicationId,
                        String firstWords, String who, Instant at, Instant now) {
        if (!kind.isConversational()) {
            throw new IllegalArgumentException("A " + kind + " opens no conversation");
        }
        this.channelId = channelId;
        this.threadKey = threadKey;
        this.kind = kind;
        this.contactId = contactId;
        this.publicationId = publicationId;
        this.preview = cut(firstWords.strip().replaceAll("\\s+", " "), PREVIEW_LENGTH);
        this.state = ConversationState.NEW;
        this.priority = Priority.NORMAL;
        this.tags = "";
        this.inboundCount = 1;
        this.openedAt = at.toEpochMilli();
        this.lastInboundAt = at.toEpochMilli();
        this.waitingSince = at.toEpochMilli();
        this.lastActivityAt = at.toEpochMilli();
        this.searchText = cut((who + " " + this.preview).toLowerCase(Locale.ROOT), SEARCH_LENGTH);
        this.createdAt = now.toEpochMilli();
    }

    /**
     * The other side said something more (at {@code at}, which may be older than what is known: networks report out of
     * order). Said after the client's last answer, it makes the conversation NEW again, also when it was done.
     */
    public void heard(String words, String who, Instant at) {
        inboundCount++;
        long when = at.toEpochMilli();
        if (when >= lastInboundAt) {
            preview = cut(words.strip().replaceAll("\\s+", " "), PREVIEW_LENGTH);
        }
        lastInboundAt = Math.max(lastInboundAt, when);
        lastActivityAt = Math.max(lastActivityAt, when);
        openedAt = Math.min(openedAt, when);
        if (lastReplyAt == null || when > lastReplyAt) {
            // Also when it was closed after this was written: whoever closed it had not seen it yet.
            waitingSince = waitingSince == null ? when : Math.min(waitingSince, when);
            state = ConversationState.NEW;
            doneAt = null;
        }
        String added = (who + " " + words.strip().replaceAll("\\s+", " ")).toLowerCase(Locale.ROOT);
        searchText = cut(searchText + " " + added, SEARCH_LENGTH);
    }

    /**
     * The client's answer went out at {@code at}. Answers since when someone had been waiting, which the answer keeps
     * for the response time; empty when nobody was.
     */
    public Optional<Instant> answered(Instant at) {
        Optional<Instant> waited = Optional.ofNullable(waitingSince).map(Instant::ofEpochMilli);
        long when = at.toEpochMilli();
        lastReplyAt = lastReplyAt == null ? when : Math.max(lastReplyAt, when);
        lastActivityAt = Math.max(lastActivityAt, when);
        if (lastInboundAt <= when) {
            waitingSince = null;
            if (state != ConversationState.DONE) {
                state = ConversationState.PENDING;
            }
        }
        return waited;
    }

    /** Closed by a person (or a rule): nobody needs to answer; the next word from the other side opens it again. */
    public void done(Instant now) {
        state = ConversationState.DONE;
        doneAt = now.toEpochMilli();
        waitingSince = null;
    }

    /** Opened again by a person: NEW when the other side spoke last, PENDING when the client did. */
    public void reopen() {
        if (state != ConversationState.DONE) {
            return;
        }
        doneAt = null;
        boolean theyWaitForUs = lastReplyAt == null || lastInboundAt > lastReplyAt;
        state = theyWaitForUs ? ConversationState.NEW : ConversationState.PENDING;
        if (theyWaitForUs) {
            waitingSince = lastInboundAt;
        }
    }

    /** Whose thread it is, after contacts were linked or unlinked. */
    public void startedBy(long contact) {
        this.contactId = contact;
    }

    public void assign(Long userId) {
        this.assigneeId = userId;
    }

    public void prioritize(Priority value) {
        if (value == null) {
            throw new RuleViolation("Choose a priority.");
        }
        this.priority = value;
    }

    public void tag(String tag) {
        this.tags = Tags.with(tags, tag);
    }

    public void untag(String tag) {
        this.tags = Tags.without(tags, tag);
    }

    /** The client's own post this thread answers, once it is known. */
    public void answersPublication(long publication) {
        this.publicationId = publication;
    }

    /** A person is writing an answer; others see it until {@code until}, unless it is renewed. */
    public void replying(long userId, String name, Instant until) {
        this.replyingUserId = userId;
        this.replyingName = name;
        this.replyingUntil = until.toEpochMilli();
    }

    public void stoppedReplying(long userId) {
        if (replyingUserId != null && replyingUserId == userId) {
            replyingUserId = null;
            replyingName = null;
            replyingUntil = null;
        }
    }

    /** Who else is writing an answer right now, as seen by {@code userId}. */
    public Optional<String> someoneElseReplying(long userId, Instant now) {
        if (replyingUserId == null || replyingUserId == userId || replyingUntil == null
                || replyingUntil < now.toEpochMilli()) {
            return Optional.empty();
        }
        return Optional.ofNullable(replyingName);
    }

    /** How long the other side has waited for an answer now, when it does. */
    public Optional<Duration> waitingFor(Instant now) {
        return Optional.ofNullable(waitingSince).map(since -> Duration.ofMillis(Math.max(0, now.toEpochMilli() - since)));
    }

    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
        return text.substring(0, end);
    }

    public Long getId() {
        return id;
    }

    public long getChannelId() {
        return channelId;
    }

    public String getThreadKey() {
        return threadKey;
    }

    public InteractionKind getKind() {
        return kind;
    }

    public long getContactId() {
        return contactId;
    }

    public Optional<Long> getPublicationId() {
        return Optional.ofNullable(publicationId);
    }

    public String getPreview() {
        return preview;
    }

    public ConversationState getState() {
        return state;
    }

    public Priority getPriority() {
        return priority;
    }

    public Long getAssigneeId() {
        return assigneeId;
    }

    public List<String> getTags() {
        return Tags.of(tags);
    }

    public int getInboundCount() {
        return inboundCount;
    }

    /** When its first word was said. */
    public Instant getOpenedAt() {
        return Instant.ofEpochMilli(openedAt);
    }

    public Optional<Instant> getDoneAt() {
        return Optional.ofNullable(doneAt).map(Instant::ofEpochMilli);
    }

    public Instant getLastInboundAt() {
        return Instant.ofEpochMilli(lastInboundAt);
    }

    public Optional<Instant> getLastReplyAt() {
        return Optional.ofNullable(lastReplyAt).map(Instant::ofEpochMilli);
    }

    public Optional<Instant> getWaitingSince() {
        return Optional.ofNullable(waitingSince).map(Instant::ofEpochMilli);
    }

    public Instant getLastActivityAt() {
        return Instant.ofEpochMilli(lastActivityAt);
    }

    public Instant getCreatedAt() {
        return Instant.ofEpochMilli(createdAt);
    }
}
