package app.herald.content.domain;

import app.herald.approval.domain.ApprovalFlow;
import app.herald.approval.domain.ApprovalPolicy;
import app.herald.approval.domain.Decision;
import app.herald.approval.domain.PostState;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.Text;
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
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * One piece of content for a tenant: a title, a base text that each channel's {@link Variant} starts from, an
 * optional time to go out, and its place in the approval workflow.
 */
@Entity
@Table(name = "post")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
@NamedQuery(name = "Post.inStates", query = "SELECT p FROM Post p WHERE p.state IN :states ORDER BY p.scheduledAt, p.id")
@NamedQuery(name = "Post.scheduledBetween",
        query = "SELECT p FROM Post p WHERE p.scheduledAt >= :from AND p.scheduledAt < :until ORDER BY p.scheduledAt")
@NamedQuery(name = "Post.scheduledBetweenShownToClients", query = "SELECT p FROM Post p WHERE p.scheduledAt >= :from"
        + " AND p.scheduledAt < :until AND " + Post.SHOWN_TO_CLIENTS + " ORDER BY p.scheduledAt")
@NamedQuery(name = "Post.shownToClients", query = "SELECT COUNT(p) FROM Post p WHERE p.id = :id AND "
        + Post.SHOWN_TO_CLIENTS)
public class Post implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * What a client's own people see of the agency's work: a post from the moment it reaches the client's review step,
     * and from then on whatever becomes of it, plus every approved post (also where the client reviews nothing).
     * Drafts and posts still in internal review stay the agency's.
     */
    public static final String SHOWN_TO_CLIENTS = "(p.state IN (app.herald.approval.domain.PostState.CLIENT_REVIEW,"
            + " app.herald.approval.domain.PostState.APPROVED) OR EXISTS (SELECT d.id FROM DecisionRecord d"
            + " WHERE d.postId = p.id AND d.toState = app.herald.approval.domain.PostState.CLIENT_REVIEW))";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(name = "base_text", nullable = false)
    private String baseText;

    @Column(name = "author_id", nullable = false, updatable = false)
    private long authorId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PostState state;

    @Column(name = "review_step", nullable = false)
    private int reviewStep;

    @Column(name = "scheduled_at")
    private Long scheduledAt;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    @Column(name = "campaign_id")
    private Long campaignId;

    @Column(nullable = false)
    private String tags = "";

    @Version
    private int version;

    protected Post() {
    }

    public Post(String title, String baseText, long authorId, String authorName, Instant now) {
        this.title = requireTitle(title);
        this.baseText = requireText(baseText);
        this.authorId = authorId;
        this.authorName = authorName;
        this.state = PostState.DRAFT;
        this.createdAt = now.toEpochMilli();
        this.updatedAt = createdAt;
    }

    /** Well above every network's limit (LinkedIn's 3,000 is the longest), so that no draft is ever cut. */
    public static final int MAX_TEXT = 100_000;

    /** Checked, not changed: a post's text is published as written, spaces and line breaks included. */
    private static String requireText(String text) {
        Text.optionalBody("A post's text", text, MAX_TEXT);
        return text == null ? "" : text;
    }

    private static String requireTitle(String title) {
        if (title == null || title.isBlank()) {
            throw new RuleViolation("Give the post a working title (it is never published).");
        }
        return Text.name("A post's working title", title, 200);
    }

    /** The workflow as it stands, rebuilt from this post's state and its recorded decisions. */
    public ApprovalFlow flow(ApprovalPolicy policy, List<Decision> decisions) {
        return new ApprovalFlow(policy, authorId, state, reviewStep, decisions);
    }

    /** Takes the state the workflow arrived at. */
    public void follow(ApprovalFlow flow, Instant now) {
        this.state = flow.state();
        this.reviewStep = flow.step();
        this.updatedAt = now.toEpochMilli();
    }

    public void rewrite(String newTitle, String newBaseText, Instant now) {
        this.title = requireTitle(newTitle);
        this.baseText = requireText(newBaseText);
        this.updatedAt = now.toEpochMilli();
    }

    /** Moving a post keeps its approval: only its words need review, not its time. */
    public void scheduleAt(Instant when, Instant now) {
        this.scheduledAt = when == null ? null : when.toEpochMilli();
        this.updatedAt = now.toEpochMilli();
    }

    /** Puts the post in a campaign (or none) and sets its tags: lower case, without "#", at most 10 of 40 characters. */
    public void classify(Long campaign, Collection<String> newTags, Instant now) {
        Set<String> clean = new TreeSet<>();
        for (String tag : newTags) {
            String t = tag == null ? "" : tag.strip().replaceFirst("^#", "").toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            if (!t.matches("^[\\p{L}\\p{N}_-]{1,40}$")) {
                throw new RuleViolation("\"" + tag + "\" is not a tag: use letters, digits, '-' and '_' (at most 40).");
            }
            clean.add(t);
        }
        if (clean.size() > 10) {
            throw new RuleViolation("A post has at most 10 tags.");
        }
        this.campaignId = campaign;
        this.tags = clean.isEmpty() ? "" : "," + String.join(",", clean) + ",";
        this.updatedAt = now.toEpochMilli();
    }

    public Optional<Long> getCampaignId() {
        return Optional.ofNullable(campaignId);
    }

    public List<String> getTags() {
        return tags.isEmpty() ? List.of() : List.of(tags.substring(1, tags.length() - 1).split(","));
    }

    /**
     * Only a draft nobody has decided on may be thrown away: a post that has been reviewed keeps its history, and
     * perhaps what went out.
     */
    public void checkDiscardable(boolean reviewed) {
        if (state != PostState.DRAFT || reviewed) {
            throw new RuleViolation("Only a draft that was never sent to review can be deleted. \"" + title + "\" is "
                    + state.label().toLowerCase(java.util.Locale.ROOT) + (reviewed ? " and has a review history" : "")
                    + ": take it off the calendar instead.");
        }
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getBaseText() {
        return baseText;
    }

    public long getAuthorId() {
        return authorId;
    }

    public String getAuthorName() {
        return authorName;
    }

    public PostState getState() {
        return state;
    }

    public int getReviewStep() {
        return reviewStep;
    }

    public Optional<Instant> getScheduledAt() {
        return Optional.ofNullable(scheduledAt).map(Instant::ofEpochMilli);
    }

    public Instant getUpdatedAt() {
        return Instant.ofEpochMilli(updatedAt);
    }
}
