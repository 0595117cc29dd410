package app.herald.api.application;

import app.herald.approval.domain.PostState;
import app.herald.content.application.Channels;
import app.herald.content.application.PostLists;
import app.herald.content.application.Drafts;
import app.herald.content.application.MediaLibrary;
import app.herald.content.application.PostingQueue;
import app.herald.content.application.Posts;
import app.herald.content.domain.Channel;
import app.herald.content.domain.Post;
import app.herald.content.domain.PostSearch;
import app.herald.content.domain.Variant;
import app.herald.identity.domain.Actor;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The posts of the client the request entered, as the API reads and writes them. Each call is one transaction: the
 * check of an {@code If-Match} and the change it guards, a creation and the answer kept for its Idempotency-Key.
 */
@Stateless
public class ApiPosts {

    /** A page of posts and the id to continue below, if the page was full. */
    public record Page(List<PostView> posts, Optional<Long> continueBelow) {
    }

    /** The post changed since the version the caller read. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class Stale extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stale(String message) {
            super(message);
        }
    }

    @Inject
    Posts posts;
    @Inject
    PostingQueue queue;
    @Inject
    MediaLibrary media;
    @Inject
    Drafts drafts;
    @Inject
    PostLists lists;
    @Inject
    Channels channels;
    @Inject
    TenantContext context;
    @Inject
    IdempotencyKeys keys;
    @Inject
    @TenantDb
    EntityManager em;

    public Page page(Actor actor, PostSearch search, Long below, int size) {
        List<Post> found = lists.newestBelow(actor, search, below, size);
        Function<Post, PostView> view = viewer(found);
        return new Page(found.stream().map(view).toList(),
                found.size() == size ? Optional.of(found.get(found.size() - 1).getId()) : Optional.empty());
    }

    public PostView get(Actor actor, long postId) {
        return view(posts.find(actor, postId));
    }

    /** The longest span one calendar request covers. */
    public static final java.time.Duration LONGEST_RANGE = java.time.Duration.ofDays(93);

    /** The posts planned from (inclusive) until (exclusive), as the calendar shows them. */
    public List<PostView> planned(Actor actor, Instant from, Instant until) {
        if (!until.isAfter(from)) {
            throw new RuleViolation("The range ends before it starts.");
        }
        if (java.time.Duration.between(from, until).compareTo(LONGEST_RANGE) > 0) {
            throw new RuleViolation("One request covers at most " + LONGEST_RANGE.toDays() + " days.");
        }
        List<Post> planned = posts.scheduledBetween(actor, from, until);
        return planned.stream().map(viewer(planned)).toList();
    }

    /** A new draft; with a claimed Idempotency-Key, the answer is kept in the same transaction. */
    public PostView create(Actor actor, PostInput input, Optional<Long> claim, Function<PostView, String> location) {
        Map<Long, String> texts = variantTexts(input);
        Post post = posts.draft(actor, input.title(), input.text(), texts.keySet());
        Map<Long, String> comments = firstComments(input);
        if (!comments.isEmpty() || texts.values().stream().anyMatch(t -> !Objects.equals(t, input.text()))) {
            posts.save(actor, post.getId(), input.title(), input.text(), texts, comments);
        }
        if (input.scheduledAt() != null) {
            posts.schedule(actor, post.getId(), future(input.scheduledAt()));
        }
        classify(actor, post.getId(), input);
        attachMedia(actor, post.getId(), input);
        PostView created = view(post);
        claim.ifPresent(id -> keys.finish(id, 201, location.apply(created), Representations.json(created)));
        return created;
    }

    /** Media given with variants, in order; a variant given without media keeps what it has. */
    private void attachMedia(Actor actor, long postId, PostInput input) {
        Map<Long, List<Long>> given = new HashMap<>();
        variants(input).stream().filter(v -> v.media() != null).forEach(v -> given.put(v.channel(), v.media()));
        if (given.isEmpty()) {
            return;
        }
        if (given.values().stream().anyMatch(list -> list.contains(null))) {
            throw new RuleViolation("A media list holds ids of the client's library, not null.");
        }
        media.requireInLibrary(given.values().stream().flatMap(List::stream).toList());
        List<Variant> current = posts.variants(postId);
        Map<Long, List<Long>> kept = media.mediaIdsOf(current);
        Map<Long, List<Long>> wanted = new HashMap<>();
        current.forEach(v -> wanted.put(v.getChannelId(), given.getOrDefault(v.getChannelId(),
                kept.getOrDefault(v.getId(), List.of()))));
        posts.attachMedia(actor, postId, wanted);
    }

    /** A campaign or tags given with the post; what is not given stays as it is. */
    private void classify(Actor actor, long postId, PostInput input) {
        if (input.campaign() == null && input.tags() == null) {
            return;
        }
        Post post = posts.find(postId);
        posts.classify(actor, postId, input.campaign() != null ? input.campaign() : post.getCampaignId().orElse(null),
                input.tags() != null ? input.tags() : post.getTags());
    }

    /** Replaces the post's words and channels, if it is still the version the caller read. */
    public PostView update(Actor actor, long postId, String ifMatch, PostInput input) {
        requireCurrent(actor, postId, ifMatch);
        posts.save(actor, postId, input.title(), input.text(), variantTexts(input), firstComments(input));
        if (input.scheduledAt() != null) {
            posts.schedule(actor, postId, future(input.scheduledAt()));
        }
        classify(actor, postId, input);
        attachMedia(actor, postId, input);
        return flushed(actor, postId);
    }

    /** Sets the post's time, or takes it off the calendar (no time). */
    public PostView schedule(Actor actor, long postId, Instant at) {
        posts.schedule(actor, postId, at == null ? null : future(at));
        return flushed(actor, postId);
    }

    /** Puts the post in the next free posting slot of its channels. */
    public PostView queue(Actor actor, long postId) {
        queue.addToQueue(actor, postId);
        return flushed(actor, postId);
    }

    /** Deletes a draft that was never sent to review. */
    public void discard(Actor actor, long postId) {
        drafts.discard(actor, postId);
    }

    public PostView submit(Actor actor, long postId) {
        posts.submit(actor, postId);
        return flushed(actor, postId);
    }

    /** Records a review decision: approve, request changes or reject, with a comment. */
    public PostView decide(Actor actor, long postId, String decision, String comment) {
        switch (decision == null ? "" : decision) {
            case "approve" -> posts.approve(actor, postId, comment);
            case "request_changes" -> posts.requestChanges(actor, postId, comment);
            case "reject" -> posts.reject(actor, postId, comment);
            default -> throw new RuleViolation("A decision is approve, request_changes or reject.");
        }
        return flushed(actor, postId);
    }

    private void requireCurrent(Actor actor, long postId, String ifMatch) {
        String current = Representations.etag(get(actor, postId));
        if (!current.equals(ifMatch)) {
            throw new Stale("The post has changed since you read it (its ETag is now " + current
                    + "). Read it again and apply your change to what it is now.");
        }
    }

    /** The post as stored once the change is written, so that its ETag is the one the next read gives. */
    private PostView flushed(Actor actor, long postId) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new Stale("Someone else changed the post at the same moment. Read it again.");
        }
        return get(actor, postId);
    }

    private static Instant future(Instant at) {
        if (!at.isAfter(Instant.now())) {
            throw new RuleViolation("A post can only be scheduled for a time in the future, not " + at + ".");
        }
        return at;
    }

    /** Every channel the input names, each with its text: its own variant's, else the base text. */
    private Map<Long, String> variantTexts(PostInput input) {
        Set<Long> known = channels.all().stream().filter(Channel::isActive).map(Channel::getId)
                .collect(Collectors.toSet());
        Map<Long, String> texts = new LinkedHashMap<>();
        for (Long channel : input.channels() == null ? List.<Long>of() : input.channels()) {
            texts.put(known(channel, known), input.text());
        }
        for (PostInput.VariantInput variant : variants(input)) {
            texts.put(known(variant.channel(), known), variant.text() == null ? input.text() : variant.text());
        }
        if (new LinkedHashSet<>(texts.keySet()).size() != texts.size()) {
            throw new RuleViolation("A channel is named twice.");
        }
        return texts;
    }

    private static Long known(Long channel, Set<Long> known) {
        if (channel == null || !known.contains(channel)) {
            throw new RuleViolation("There is no active channel " + channel + " in this client.");
        }
        return channel;
    }

    private static Map<Long, String> firstComments(PostInput input) {
        Map<Long, String> comments = new HashMap<>();
        variants(input).stream().filter(v -> v.firstComment() != null)
                .forEach(v -> comments.put(v.channel(), v.firstComment()));
        return comments;
    }

    private static List<PostInput.VariantInput> variants(PostInput input) {
        return input.variants() == null ? List.of() : input.variants();
    }

    private PostView view(Post post) {
        return viewer(List.of(post)).apply(post);
    }

    /** Views of the given posts, whose variants are read in one query rather than post by post. */
    private Function<Post, PostView> viewer(List<Post> all) {
        Map<Long, Channel> byId = channels.all().stream().collect(Collectors.toMap(Channel::getId, c -> c));
        ZoneId zone = context.current().zone();
        Map<Long, List<Variant>> read = posts.variantsOf(all);
        Map<Long, List<Long>> mediaOf = media.mediaIdsOf(read.values().stream().flatMap(List::stream).toList());
        return post -> {
            List<PostView.VariantView> variants = new ArrayList<>();
            for (Variant v : read.getOrDefault(post.getId(), List.of())) {
                Channel channel = byId.get(v.getChannelId());
                variants.add(new PostView.VariantView(v.getChannelId(),
                        channel == null ? null : channel.getNetwork().name(),
                        channel == null ? null : channel.label(), v.getText(), v.getFirstComment(),
                        mediaOf.getOrDefault(v.getId(), List.of())));
            }
            Instant at = post.getScheduledAt().orElse(null);
            return new PostView(post.getId(), post.getTitle(), post.getBaseText(), post.getState().name(), at,
                    at == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(at.atZone(zone).toLocalDateTime()),
                    zone.getId(), post.getCampaignId().orElse(null), post.getTags(), post.getAuthorName(),
                    post.getUpdatedAt(), variants);
        };
    }

    /** For filters given as text: a state's name, or nothing. */
    public static Optional<PostState> state(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PostState.valueOf(name));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("There is no post state '" + name + "'. States: "
                    + java.util.Arrays.stream(PostState.values()).map(Enum::name).collect(Collectors.joining(", "))
                    + ".");
        }
    }
}
