package app.herald.publishing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.InboxRead;
import app.herald.publishing.domain.Incoming;
import app.herald.publishing.domain.InteractionKind;
import app.herald.publishing.domain.Metric;
import app.herald.publishing.domain.MetricReading;
import app.herald.publishing.domain.Moderation;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.PublishResult;
import app.herald.testsupport.BlueskyStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Herald's Bluesky inbox and connector against Bluesky's whole reference network (npm {@code @atproto/dev-env}: the
 * PLC directory, the PDS and the AppView that serves notifications, threads, posts and profiles, on this machine's
 * PostgreSQL). The brand publishes through Herald; a fan replies and a stranger mentions the brand the way their apps
 * would; Herald reads both, answers the fan in the thread, and the network shows the answer under the right root and
 * parent, while Herald's next reading does not take its own answer for someone else's.
 */
class BlueskyNetworkTest {

    private static BlueskyStack network;
    private static BlueskyStack.Account brand;
    private static BlueskyStack.Account fan;
    private static BlueskyStack.Account stranger;

    private final BlueskyConnector connector = new BlueskyConnector(Duration.ofSeconds(20));
    private final BlueskyInbox inbox = new BlueskyInbox(Duration.ofSeconds(20));

    @BeforeAll
    static void startTheNetwork() throws Exception {
        network = BlueskyStack.network();
        brand = network.account("brand");
        fan = network.account("fan");
        stranger = network.account("stranger");
    }

    @AfterAll
    static void stopTheNetwork() throws Exception {
        if (network != null) {
            network.close();
        }
    }

    private static ChannelAccess brandChannel() {
        return new ChannelAccess(1, network.pds(), brand.handle(), Map.of("app_password", brand.appPassword()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A post written the way a person's app writes one, optionally as a reply, with facets. */
    private static JsonObject write(BlueskyStack.Account who, String text, JsonObject reply, JsonObject facet)
            throws Exception {
        var record = Json.createObjectBuilder().add("$type", "app.bsky.feed.post").add("text", text)
                .add("createdAt", Instant.now().toString());
        if (reply != null) {
            record.add("reply", reply);
        }
        if (facet != null) {
            record.add("facets", Json.createArrayBuilder().add(facet));
        }
        return network.post("com.atproto.repo.createRecord", who.accessJwt(), Json.createObjectBuilder()
                .add("repo", who.did()).add("collection", "app.bsky.feed.post").add("record", record).build());
    }

    private static JsonObject ref(String uri, String cid) {
        return Json.createObjectBuilder().add("uri", uri).add("cid", cid).build();
    }

    /** The AppView has indexed the post: replies to it raise notifications only from then on. */
    private static String indexed(String uri) throws Exception {
        JsonObject posts = network.until("app.bsky.feed.getPosts?uris=" + encode(uri), brand.accessJwt(),
                answer -> !answer.getJsonArray("posts").isEmpty());
        return posts.getJsonArray("posts").getJsonObject(0).getString("cid");
    }

    /** Reads the inbox until what is wanted arrived (the AppView indexes within about a second). */
    private List<Incoming> readUntil(ChannelAccess channel, Optional<String> cursor, Predicate<List<Incoming>> done,
                                     List<Optional<String>> cursors) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            InboxRead read = inbox.read(channel, BlueskyInbox.STREAM, cursor, Instant.now().minusSeconds(3600), 500);
            InboxRead.Page page = assertInstanceOf(InboxRead.Page.class, read, read::toString);
            if (done.test(page.items()) || Instant.now().isAfter(deadline)) {
                cursors.add(page.cursor());
                return page.items();
            }
            Thread.sleep(150);
        }
    }

    private static Incoming of(List<Incoming> items, InteractionKind kind) {
        return items.stream().filter(i -> i.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + items));
    }

    @Test
    void theBrandReadsTheFansReplyAndTheStrangersMentionAndAnswersInTheThread() throws Exception {
        ChannelAccess channel = brandChannel();
        PublishResult.Published post = assertInstanceOf(PublishResult.Published.class, connector.publish(channel,
                new Outgoing(1, "bsky-" + UUID.randomUUID(), "Our autumn blend is back ☕")));
        String postCid = indexed(post.networkPostId());
        JsonObject postRef = ref(post.networkPostId(), postCid);
        JsonObject fanReply = write(fan, "Finally! Is it decaf too?",
                Json.createObjectBuilder().add("root", postRef).add("parent", postRef).build(), null);
        String mention = "Café tip: @" + brand.handle() + " has the best beans";
        int start = mention.getBytes(StandardCharsets.UTF_8).length - ("@" + brand.handle() + " has the best beans")
                .getBytes(StandardCharsets.UTF_8).length;
        JsonObject facet = Json.createObjectBuilder()
                .add("index", Json.createObjectBuilder().add("byteStart", start)
                        .add("byteEnd", start + ("@" + brand.handle()).getBytes(StandardCharsets.UTF_8).length))
                .add("features", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("$type", "app.bsky.richtext.facet#mention").add("did", brand.did()))).build();
        JsonObject strangerPost = write(stranger, mention, null, facet);

        List<Optional<String>> cursors = new ArrayList<>();
        List<Incoming> items = readUntil(channel, Optional.empty(), found -> found.stream().anyMatch(
                i -> i.kind() == InteractionKind.COMMENT) && found.stream().anyMatch(i -> i.kind() == InteractionKind.MENTION),
                cursors);

        Incoming comment = of(items, InteractionKind.COMMENT);
        assertEquals(fanReply.getString("uri"), comment.itemId());
        assertEquals(fan.did(), comment.author().id());
        assertEquals("@" + fan.handle(), comment.author().handle());
        assertEquals("Finally! Is it decaf too?", comment.text());
        assertEquals(post.networkPostId(), comment.parentId(), "the client's own post is what it answers");
        assertEquals(fanReply.getString("cid"), comment.replyTarget().ref(BlueskyInbox.CID).orElseThrow());
        assertEquals(post.networkPostId(), comment.replyTarget().ref(BlueskyInbox.ROOT_URI).orElseThrow());
        Incoming mentioned = of(items, InteractionKind.MENTION);
        assertEquals(strangerPost.getString("uri"), mentioned.itemId());
        assertEquals(stranger.did(), mentioned.author().id());
        assertTrue(items.stream().noneMatch(Incoming::fromChannel), "nothing of the brand's own yet");

        PublishResult answer = connector.publish(channel, Outgoing.reply(2, "answer-" + UUID.randomUUID(),
                "Yes, decaf comes next week!", comment.replyTarget()));

        PublishResult.Published answered = assertInstanceOf(PublishResult.Published.class, answer, answer::toString);
        JsonObject thread = network.until("app.bsky.feed.getPostThread?uri=" + encode(post.networkPostId()) + "&depth=6",
                brand.accessJwt(), t -> t.toString().contains(answered.networkPostId()));
        JsonObject fanNode = thread.getJsonObject("thread").getJsonArray("replies").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getJsonObject("post").getString("uri").equals(fanReply.getString("uri"))).findFirst()
                .orElseThrow();
        JsonObject ours = fanNode.getJsonArray("replies").getJsonObject(0).getJsonObject("post");
        assertEquals(answered.networkPostId(), ours.getString("uri"));
        JsonObject replyRefs = ours.getJsonObject("record").getJsonObject("reply");
        assertEquals(post.networkPostId(), replyRefs.getJsonObject("root").getString("uri"), "root: the brand's post");
        assertEquals(fanReply.getString("uri"), replyRefs.getJsonObject("parent").getString("uri"), "parent: the fan's");

        // The fan answers again; the next reading from the cursor brings that, and nothing Herald takes for theirs.
        String answerCid = indexed(answered.networkPostId());
        JsonObject again = write(fan, "Great, thanks!", Json.createObjectBuilder().add("root", postRef)
                .add("parent", ref(answered.networkPostId(), answerCid)).build(), null);
        List<Incoming> later = readUntil(channel, cursors.get(0), found -> found.stream()
                .anyMatch(i -> i.itemId().equals(again.getString("uri"))), cursors);
        Incoming followUp = later.stream().filter(i -> i.itemId().equals(again.getString("uri"))).findFirst().orElseThrow();
        assertEquals(InteractionKind.COMMENT, followUp.kind(), "an answer to the brand's own answer");
        assertEquals(answered.networkPostId(), followUp.parentId());
        assertTrue(later.stream().filter(i -> i.itemId().equals(answered.networkPostId())).allMatch(Incoming::fromChannel),
                "the brand's own answer, if the network lists it, is marked as the channel's own");
        assertTrue(later.stream().noneMatch(i -> i.itemId().equals(comment.itemId())), "read from the cursor on");
    }

    @Test
    void likesAndFollowsArriveAsGesturesAndTheReadSideCountsThem() throws Exception {
        ChannelAccess channel = brandChannel();
        PublishResult.Published post = assertInstanceOf(PublishResult.Published.class, connector.publish(channel,
                new Outgoing(1, "bsky-" + UUID.randomUUID(), "Liked, I hope")));
        String cid = indexed(post.networkPostId());
        network.post("com.atproto.repo.createRecord", stranger.accessJwt(), Json.createObjectBuilder()
                .add("repo", stranger.did()).add("collection", "app.bsky.feed.like").add("record", Json.createObjectBuilder()
                        .add("$type", "app.bsky.feed.like").add("subject", ref(post.networkPostId(), cid))
                        .add("createdAt", Instant.now().toString())).build());
        network.post("com.atproto.repo.createRecord", stranger.accessJwt(), Json.createObjectBuilder()
                .add("repo", stranger.did()).add("collection", "app.bsky.graph.follow").add("record", Json.createObjectBuilder()
                        .add("$type", "app.bsky.graph.follow").add("subject", brand.did())
                        .add("createdAt", Instant.now().toString())).build());

        List<Incoming> items = readUntil(channel, Optional.empty(), found -> found.stream().anyMatch(
                i -> i.kind() == InteractionKind.LIKE && post.networkPostId().equals(i.subjectId()))
                && found.stream().anyMatch(i -> i.kind() == InteractionKind.FOLLOW && i.author().id().equals(stranger.did())),
                new ArrayList<>());

        Incoming like = items.stream().filter(i -> i.kind() == InteractionKind.LIKE
                && post.networkPostId().equals(i.subjectId())).findFirst().orElseThrow();
        assertEquals(stranger.did(), like.author().id());
        assertEquals(null, like.replyTarget(), "a like is not answered");

        MetricReading numbers = connector.fetchMetrics(channel, post.networkPostId());
        assertEquals(1L, numbers.values().get(Metric.LIKES), "getPosts through the AppView counts the like");
        MetricReading followers = connector.fetchChannelMetrics(channel);
        assertTrue(followers.values().get(Metric.FOLLOWERS) >= 1, "getProfile through the AppView counts the follower");
    }

    @Test
    void aReplyUnderTheBrandsPostIsHiddenWithAThreadgateAndLiked() throws Exception {
        ChannelAccess channel = brandChannel();
        PublishResult.Published post = assertInstanceOf(PublishResult.Published.class, connector.publish(channel,
                new Outgoing(1, "bsky-" + UUID.randomUUID(), "Tell us what you think")));
        JsonObject postRef = ref(post.networkPostId(), indexed(post.networkPostId()));
        JsonObject spam = write(stranger, "Cheap followers at spam.example",
                Json.createObjectBuilder().add("root", postRef).add("parent", postRef).build(), null);
        Incoming item = readUntil(channel, Optional.empty(), found -> found.stream()
                .anyMatch(i -> i.itemId().equals(spam.getString("uri"))), new ArrayList<>()).stream()
                .filter(i -> i.itemId().equals(spam.getString("uri"))).findFirst().orElseThrow();

        assertEquals(Optional.empty(), inbox.moderate(channel, Moderation.HIDE, item.replyTarget()));
        assertEquals(Optional.empty(), inbox.moderate(channel, Moderation.LIKE, item.replyTarget()));

        String rkey = post.networkPostId().substring(post.networkPostId().lastIndexOf('/') + 1);
        JsonObject gate = network.get("com.atproto.repo.getRecord?repo=" + encode(brand.did())
                + "&collection=app.bsky.feed.threadgate&rkey=" + rkey, null).getJsonObject("value");
        assertEquals(spam.getString("uri"), gate.getJsonArray("hiddenReplies").getString(0));
        assertEquals(post.networkPostId(), gate.getString("post"));

        assertEquals(Optional.empty(), inbox.moderate(channel, Moderation.UNHIDE, item.replyTarget()));
        JsonObject shown = network.get("com.atproto.repo.getRecord?repo=" + encode(brand.did())
                + "&collection=app.bsky.feed.threadgate&rkey=" + rkey, null).getJsonObject("value");
        assertTrue(shown.getJsonArray("hiddenReplies").isEmpty(), shown.toString());
    }
}
