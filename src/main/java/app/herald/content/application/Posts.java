package app.herald.content.application;

import app.herald.approval.application.ApprovalPolicies;
import app.herald.approval.application.Reviewers;
import app.herald.approval.domain.ApprovalFlow;
import app.herald.approval.domain.ApprovalPolicy;
import app.herald.approval.domain.Decision;
import app.herald.approval.domain.DecisionRecord;
import app.herald.approval.domain.PostState;
import app.herald.approval.domain.Reviewer;
import app.herald.content.domain.ApprovedVariant;
import app.herald.content.domain.Channel;
import app.herald.content.domain.MediaFile;
import app.herald.content.domain.MediaRules;
import app.herald.content.domain.Post;
import app.herald.content.domain.PostChanged;
import app.herald.content.domain.PostReviewed;
import app.herald.content.domain.TextCheck;
import app.herald.content.domain.TextRules;
import app.herald.content.domain.Variant;
import app.herald.content.domain.WordDiff;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Posts of the current tenant: compose a post with a variant per channel, change it, schedule it, and move it through
 * review. Every state change goes through {@link ApprovalFlow} and is recorded and audited.
 */
@Stateless
public class Posts {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    ApprovalPolicies policies;
    @Inject
    Channels channels;
    @Inject
    MediaLibrary media;
    @Inject
    Campaigns campaigns;
    @Inject
    Actors actors;
    @Inject
    TenantAuditLog audit;
    @Inject
    ReviewNotifications notifications;
    @Inject
    Event<PostChanged> changes;
    @Inject
    Event<PostReviewed> reviewed;

    public Post draft(Actor actor, String title, String baseText, Set<Long> channelIds) {
        requireWriter(actor);
        Instant now = Instant.now();
        Post post = new Post(title, baseText, actor.userId(), actors.nameOf(actor.userId()), now);
        em.persist(post);
        em.flush();
        for (long channelId : channelIds) {
            em.persist(new Variant(post.getId(), channels.find(channelId).getId(), baseText, null));
        }
        audit.record(actor.email(), "POST_CREATED", "post " + post.getId(), post.getTitle());
        return post;
    }

    /**
     * Saves the composer: title, base text, the channels targeted and each variant's text. A change after review has
     * begun sends the post back to review.
     */
    public Post save(Actor actor, long postId, String title, String baseText, Map<Long, String> variantTexts) {
        return save(actor, postId, title, baseText, variantTexts, Map.of());
    }

    /** As {@link #save(Actor, long, String, String, Map)}, with each variant's first comment (by channel). */
    public Post save(Actor actor, long postId, String title, String baseText, Map<Long, String> variantTexts,
                     Map<Long, String> firstComments) {
        requireWriter(actor);
        Post post = find(postId);
        Instant now = Instant.now();
        boolean changed = !post.getTitle().equals(title == null ? "" : title.strip())
                || !post.getBaseText().equals(baseText == null ? "" : baseText);
        post.rewrite(title, baseText, now);
        List<Variant> current = variants(postId);
        for (Variant variant : current) {
            if (!variantTexts.containsKey(variant.getChannelId())) {
                em.remove(variant);
                changed = true;
            }
        }
        for (Map.Entry<Long, String> wanted : variantTexts.entrySet()) {
            Variant existing = current.stream().filter(v -> v.getChannelId() == wanted.getKey()).findFirst().orElse(null);
            String firstComment = firstComments.get(wanted.getKey());
            if (existing == null) {
                em.persist(new Variant(postId, channels.find(wanted.getKey()).getId(), wanted.getValue(), firstComment));
                changed = true;
            } else {
                changed |= existing.rewrite(wanted.getValue(),
                        firstComments.containsKey(wanted.getKey()) ? firstComment : existing.getFirstComment());
            }
        }
        if (changed) {
            edited(post, actor, now, "POST_EDITED");
        }
        return post;
    }

    /** Sets each variant's media (by channel), in order; a change after review has begun sends the post back. */
    public Post attachMedia(Actor actor, long postId, Map<Long, List<Long>> mediaByChannel) {
        requireWriter(actor);
        Post post = find(postId);
        boolean changed = false;
        for (Variant variant : variants(postId)) {
            List<Long> wanted = mediaByChannel.getOrDefault(variant.getChannelId(), List.of());
            List<Long> current = media.mediaOf(variant).stream().map(MediaFile::getId).toList();
            if (!current.equals(wanted)) {
                media.attach(variant, wanted);
                changed = true;
            }
        }
        if (changed) {
            edited(post, actor, Instant.now(), "POST_MEDIA_CHANGED");
        }
        return post;
    }

    private void edited(Post post, Actor actor, Instant now, String action) {
        ApprovalFlow flow = flowOf(post);
        flow.edited(reviewer(actor), now).ifPresent(d -> record(post, flow, d, actor, now));
        audit.record(actor.email(), action, "post " + post.getId(), post.getTitle());
    }

    /** Sends the post to review, once every variant fits its network. */
    public Post submit(Actor actor, long postId) {
        requireWriter(actor);
        Post post = find(postId);
        List<String> problems = new ArrayList<>();
        List<Variant> variants = variants(postId);
        if (variants.isEmpty()) {
            problems.add("Choose at least one channel.");
        }
        for (Variant variant : variants) {
            Channel channel = channels.find(variant.getChannelId());
            List<MediaFile> attached = media.mediaOf(variant);
            TextCheck check = TextRules.check(channel.getNetwork(), variant.getText(), attached.size());
            check.problems().forEach(p -> problems.add(channel.label() + ": " + p));
            MediaRules.of(channel.getNetwork()).problems(attached).forEach(p -> problems.add(channel.label() + ": " + p));
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(String.join(" ", problems));
        }
        return decide(actor, postId, (flow, who) -> flow.submit(who, Instant.now()));
    }

    public Post approve(Actor actor, long postId, String comment) {
        return decide(actor, postId, (flow, who) -> flow.approve(who, Instant.now(), comment));
    }

    public Post requestChanges(Actor actor, long postId, String comment) {
        return decide(actor, postId, (flow, who) -> flow.requestChanges(who, Instant.now(), comment));
    }

    public Post reject(Actor actor, long postId, String comment) {
        return decide(actor, postId, (flow, who) -> flow.reject(who, Instant.now(), comment));
    }

    public Post reopen(Actor actor, long postId) {
        return decide(actor, postId, (flow, who) -> flow.reopen(who, Instant.now()));
    }

    /** Puts the post in a campaign (or none) and sets its tags; its approval is kept, the change is logged. */
    public Post classify(Actor actor, long postId, Long campaignId, java.util.Collection<String> tags) {
        requireWriter(actor);
        Post post = find(postId);
        Long campaign = campaignId == null ? null : campaigns.find(campaignId).getId();
        post.classify(campaign, tags, Instant.now());
        audit.record(actor.email(), "POST_CLASSIFIED", "post " + postId,
                "campaign " + (campaign == null ? "none" : campaign) + ", tags " + post.getTags());
        return post;
    }

    /** Moving a post keeps its approval; the move is logged. */
    public Post schedule(Actor actor, long postId, Instant when) {
        requireWriter(actor);
        Post post = find(postId);
        String before = post.getScheduledAt().map(Instant::toString).orElse("unscheduled");
        post.scheduleAt(when, Instant.now());
        audit.record(actor.email(), "POST_SCHEDULED", "post " + postId,
                before + " -> " + (when == null ? "unscheduled" : when) + " (state kept: " + post.getState() + ")");
        changes.fire(new PostChanged(postId));
        return post;
    }

    public Post find(long postId) {
        return context.require(em.find(Post.class, postId), "post", postId);
    }

    /** The post, if this person may see it ({@link Post}: what clients see); otherwise as if it did not exist. */
    public Post find(Actor actor, long postId) {
        Post post = find(postId);
        if (!actor.isStaff() && !shownToClients(postId)) {
            throw new AccessDenied(actor.email() + " may not see post " + postId + " yet");
        }
        return post;
    }

    public boolean shownToClients(long postId) {
        return em.createNamedQuery("Post.shownToClients", Long.class).setParameter("id", postId).getSingleResult() > 0;
    }

    /** The titles of the given posts, in one query (for rankings that name many posts). */
    public Map<Long, String> titles(java.util.Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> titles = new java.util.HashMap<>();
        em.createQuery("SELECT p.id, p.title FROM Post p WHERE p.id IN :ids", Object[].class)
                .setParameter("ids", postIds).getResultList()
                .forEach(row -> titles.put((Long) row[0], (String) row[1]));
        return titles;
    }

    /** Posts planned from (inclusive) until (exclusive), for the calendar. */
    public List<Post> scheduledBetween(Instant from, Instant until) {
        return em.createNamedQuery("Post.scheduledBetween", Post.class).setParameter("from", from.toEpochMilli())
                .setParameter("until", until.toEpochMilli()).getResultList();
    }

    /** The same, of the posts this person may see. */
    public List<Post> scheduledBetween(Actor actor, Instant from, Instant until) {
        if (actor.isStaff()) {
            return scheduledBetween(from, until);
        }
        return em.createNamedQuery("Post.scheduledBetweenShownToClients", Post.class)
                .setParameter("from", from.toEpochMilli()).setParameter("until", until.toEpochMilli()).getResultList();
    }

    /** The posts whose next decision is this person's. */
    public List<Post> awaiting(Actor actor) {
        Reviewer who = reviewer(actor);
        ApprovalPolicy policy = policies.current();
        return em.createNamedQuery("Post.inStates", Post.class)
                .setParameter("states", EnumSet.of(PostState.IN_REVIEW, PostState.CLIENT_REVIEW)).getResultList()
                .stream().filter(p -> flowOf(p, policy).awaits(who)).toList();
    }

    public boolean awaits(Actor actor, Post post) {
        return flowOf(post).awaits(reviewer(actor));
    }

    public List<Variant> variants(long postId) {
        return em.createNamedQuery("Variant.ofPost", Variant.class).setParameter("postId", postId).getResultList();
    }

    /** The channels each of the given posts targets, in one query. */
    public Map<Long, Set<Long>> channelsOf(java.util.Collection<Post> posts) {
        return variantsOf(posts).entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(Variant::getChannelId).collect(java.util.stream.Collectors.toSet())));
    }

    /** The variants of each of the given posts (in the order they were made), in one query. */
    public Map<Long, List<Variant>> variantsOf(java.util.Collection<Post> posts) {
        if (posts.isEmpty()) {
            return Map.of();
        }
        return em.createNamedQuery("Variant.ofPosts", Variant.class)
                .setParameter("postIds", posts.stream().map(Post::getId).toList()).getResultList().stream()
                .sorted(java.util.Comparator.comparing(Variant::getId))
                .collect(java.util.stream.Collectors.groupingBy(Variant::getPostId));
    }

    /** A post's review decisions as this person may read them: the client's people read only their own step's. */
    public List<DecisionRecord> history(Actor actor, long postId) {
        find(actor, postId);
        return em.createNamedQuery("DecisionRecord.ofPost", DecisionRecord.class).setParameter("postId", postId)
                .getResultList().stream()
                .filter(d -> actor.isStaff() || d.toDecision().from() == PostState.CLIENT_REVIEW).toList();
    }

    private Post decide(Actor actor, long postId, BiFunction<ApprovalFlow, Reviewer, Decision> step) {
        Post post = find(postId);
        ApprovalFlow flow = flowOf(post);
        Decision decision = step.apply(flow, reviewer(actor));
        record(post, flow, decision, actor, decision.at());
        return post;
    }

    private void record(Post post, ApprovalFlow flow, Decision decision, Actor actor, Instant now) {
        post.follow(flow, now);
        em.persist(new DecisionRecord(post.getId(), actors.nameOf(actor.userId()), decision));
        audit.record(actor.email(), "POST_" + decision.kind(), "post " + post.getId(),
                decision.from() + " -> " + decision.to() + (decision.comment() == null ? "" : ": " + decision.comment()));
        reviewed.fire(new PostReviewed(context.current().id(), post.getId(), post.getTitle(), decision.kind().name(),
                String.valueOf(decision.from()), String.valueOf(decision.to()), actor.email(), decision.comment()));
        if (decision.to() == PostState.APPROVED) {
            keepApprovedWords(post, now);
        }
        notify(post, flow, decision);
        changes.fire(new PostChanged(post.getId()));
    }

    private void keepApprovedWords(Post post, Instant now) {
        em.createNamedQuery("ApprovedVariant.ofPost", ApprovedVariant.class).setParameter("postId", post.getId())
                .getResultList().forEach(em::remove);
        em.flush();
        variants(post.getId()).forEach(v -> em.persist(new ApprovedVariant(v, now)));
    }

    /**
     * For an edited post that was approved before: each variant's changes since that approval, by channel label.
     * Empty when the post was never approved or nothing changed.
     */
    public Map<String, List<WordDiff.Run>> changesSinceApproval(long postId) {
        Map<Long, String> approved = em.createNamedQuery("ApprovedVariant.ofPost", ApprovedVariant.class)
                .setParameter("postId", postId).getResultList().stream()
                .collect(java.util.stream.Collectors.toMap(ApprovedVariant::getChannelId, ApprovedVariant::getText));
        Map<String, List<WordDiff.Run>> changes = new java.util.LinkedHashMap<>();
        if (approved.isEmpty()) {
            return changes;
        }
        for (Variant variant : variants(postId)) {
            List<WordDiff.Run> runs = WordDiff.between(approved.getOrDefault(variant.getChannelId(), ""), variant.getText());
            if (WordDiff.changed(runs)) {
                changes.put(channels.find(variant.getChannelId()).label(), runs);
            }
        }
        return changes;
    }

    private void notify(Post post, ApprovalFlow flow, Decision decision) {
        boolean nextStep = decision.to() == PostState.IN_REVIEW
                && (decision.from() != PostState.IN_REVIEW || flow.step() != decision.step()
                || decision.kind() == Decision.Kind.EDITED_AFTER_REVIEW);
        if (nextStep) {
            flow.currentStep().ifPresent(step -> notifications.awaitingAgency(post, step.approvers().stream()
                    .filter(id -> id != post.getAuthorId()).toList()));
        } else if (decision.to() == PostState.CLIENT_REVIEW && decision.from() != PostState.CLIENT_REVIEW) {
            notifications.awaitingClient(post);
        }
        notifications.decided(post, decision);
    }

    private ApprovalFlow flowOf(Post post) {
        return flowOf(post, policies.current());
    }

    private ApprovalFlow flowOf(Post post, ApprovalPolicy policy) {
        List<Decision> decisions = em.createNamedQuery("DecisionRecord.ofPost", DecisionRecord.class)
                .setParameter("postId", post.getId()).getResultList().stream().map(DecisionRecord::toDecision).toList();
        return post.flow(policy, decisions);
    }

    private Reviewer reviewer(Actor actor) {
        return Reviewers.of(actor, context.current());
    }

    private static void requireWriter(Actor actor) {
        if (!actor.writesContent()) {
            throw new AccessDenied(actor.email() + " may not write posts");
        }
    }
}
