package app.herald.publishing.infrastructure;

import static app.herald.kernel.JsonSupport.JSON;

import app.herald.content.domain.Network;
import app.herald.publishing.domain.AccountCheck;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.LookupResult;
import app.herald.publishing.domain.Metric;
import app.herald.publishing.domain.MetricReading;
import app.herald.publishing.domain.NetworkConnector;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.OutgoingMedia;
import app.herald.publishing.domain.PublishResult;
import app.herald.publishing.domain.ReplyTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LinkedIn's versioned REST API (Posts, Images, Social Actions, organization share statistics). The channel's
 * account is the author's URN: urn:li:organization:… for a page, urn:li:person:… for a member. An answer to a comment
 * {@link LinkedInInbox} read is a comment of the account's own under the same post.
 */
@ApplicationScoped
public class LinkedInConnector implements NetworkConnector {

    static final int MAX_IMAGES = 1;
    /** What LinkedInInbox names in a ReplyTarget: the post a comment is under, and the comment to nest under. */
    static final String POST_REF = "post";
    static final String COMMENT_REF = "comment";
    private static final int LOOKUP_DEPTH = 20;
    /** The "little text" format of commentary treats these as markup; unescaped, a "(" can cut the post short. */
    private static final Pattern RESERVED = Pattern.compile("[\\\\|{}@\\[\\]()<>#*_~]");
    private static final Pattern HASHTAG = Pattern.compile("(?<=^|\\s)#([\\p{L}\\p{N}_]+)");
    private static final Pattern HASHTAG_TEMPLATE = Pattern.compile("\\{hashtag\\|\\\\#\\|((?:[^}\\\\]|\\\\.)*)}");

    private final Duration answerTimeout;

    public LinkedInConnector() {
        this(NetworkCall.ANSWER_TIMEOUT);
    }

    LinkedInConnector(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    @Override
    public Network network() {
        return Network.LINKEDIN;
    }

    @Override
    public List<String> validate(Outgoing post) {
        if (post.answers().isPresent()) {
            return post.media().isEmpty() ? List.of()
                    : List.of("Herald answers LinkedIn comments in words only; remove the media.");
        }
        return Calls.imagesOnly(Network.LINKEDIN, MAX_IMAGES, post);
    }

    @Override
    public PublishResult publish(ChannelAccess channel, Outgoing post) {
        return publishLater(channel, post).join();
    }

    /**
     * A post is its image uploaded first (asking LinkedIn where, then sending it there), then the post; an answer to a
     * comment is one request. Every request is sent when the one before has answered (two more when LinkedIn refuses
     * the token and it is renewed), no thread waiting.
     */
    @Override
    public CompletableFuture<PublishResult> publishLater(ChannelAccess channel, Outgoing post) {
        return Calls.later(() -> {
            OAuth2Tokens tokens = tokens(channel);
            if (post.answers().isPresent()) {
                return answer(channel, tokens, post.text(), post.answers().get());
            }
            return Calls.inTurn(post.media(), media -> upload(channel, tokens, media))
                    .thenCompose(images -> {
                        JsonObject json = share(channel, post, images);
                        return tokens.sendLater(token -> postRequest(channel, token, json));
                    })
                    .thenApply(LinkedInConnector::answerTo);
        });
    }

    /** The post, with its image (one at most: validate refuses more) when it has one. */
    private static JsonObject share(ChannelAccess channel, Outgoing post, List<String> images) {
        JsonObjectBuilder body = share(channel, post);
        if (!images.isEmpty()) {
            OutgoingMedia media = post.media().get(0);
            JsonObjectBuilder image = JSON.createObjectBuilder().add("id", images.get(0));
            if (media.altText() != null && !media.altText().isBlank()) {
                image.add("altText", media.altText());
            }
            body.add("content", JSON.createObjectBuilder().add("media", image));
        }
        return body.build();
    }

    private static JsonObjectBuilder share(ChannelAccess channel, Outgoing post) {
        return JSON.createObjectBuilder()
                .add("author", channel.account())
                .add("commentary", commentary(post.text()))
                .add("visibility", "PUBLIC")
                .add("distribution", JSON.createObjectBuilder().add("feedDistribution", "MAIN_FEED")
                        .add("targetEntities", JSON.createArrayBuilder())
                        .add("thirdPartyDistributionChannels", JSON.createArrayBuilder()))
                .add("lifecycleState", "PUBLISHED")
                .add("isReshareDisabledByAuthor", false);
    }

    private HttpRequest postRequest(ChannelAccess channel, String token, JsonObject json) {
        return request(channel, "/rest/posts", token).header("Content-Type", "application/json")
                .POST(NetworkCall.json(json)).build();
    }

    private static PublishResult answerTo(NetworkCall call) {
        if (!call.succeeded()) {
            return call.failure(message(call));
        }
        // The new post's URN comes only in this header; the body is empty.
        return call.header("x-restli-id").filter(urn -> urn.startsWith("urn:li:"))
                .<PublishResult>map(urn -> new PublishResult.Published(urn, url(urn)))
                .orElseGet(call::unreadable);
    }

    /**
     * A comment under the post the answered comment belongs to, nested under that comment. LinkedIn nests one level
     * only: an answer to a nested comment goes under its top-level comment, which the inbox named as "comment".
     */
    private CompletableFuture<PublishResult> answer(ChannelAccess channel, OAuth2Tokens tokens, String text,
                                                     ReplyTarget target) {
        Optional<String> post = target.ref(POST_REF);
        if (post.isEmpty()) {
            return CompletableFuture.completedFuture(new PublishResult.Rejected("Herald does not know which LinkedIn "
                    + "post this comment is under; answer it on LinkedIn."));
        }
        Optional<String> parent = parentComment(target);
        JsonObjectBuilder body = JSON.createObjectBuilder().add("actor", channel.account()).add("object", post.get())
                .add("message", JSON.createObjectBuilder().add("text", text));
        parent.ifPresent(p -> body.add("parentComment", p));
        JsonObject json = body.build();
        return tokens.sendLater(token -> request(channel, "/rest/socialActions/" + Forms.encode(post.get())
                        + "/comments", token).header("Content-Type", "application/json").POST(NetworkCall.json(json))
                        .build())
                .thenApply(call -> commented(post.get(), parent, call));
    }

    private static PublishResult commented(String post, Optional<String> parent, NetworkCall call) {
        if (!call.succeeded()) {
            return call.failure(message(call));
        }
        // The new comment's URN is in the body; its id alone also comes in x-restli-id.
        Optional<String> id = call.jsonObject().flatMap(o -> JsonPaths.text(o, "id"))
                .or(() -> call.header("x-restli-id"));
        return call.jsonObject().flatMap(o -> JsonPaths.text(o, "commentUrn"))
                .or(() -> id.filter(i -> i.startsWith("urn:li:comment:")))
                .or(() -> id.filter(i -> i.matches("\\d{1,20}")).flatMap(i -> parent.flatMap(LinkedInApi::activityOf)
                        .map(activity -> "urn:li:comment:(" + activity + "," + i + ")")))
                .<PublishResult>map(urn -> new PublishResult.Published(urn, LinkedInApi.commentUrl(post, urn)))
                .orElseGet(call::unreadable);
    }

    private static Optional<String> parentComment(ReplyTarget target) {
        return target.ref(COMMENT_REF).or(() -> Optional.of(target.parentId())
                .filter(id -> id.startsWith("urn:li:comment:")));
    }

    /** Asks LinkedIn where to send the image, sends it there, and answers the image's URN. */
    private CompletableFuture<String> upload(ChannelAccess channel, OAuth2Tokens tokens, OutgoingMedia media) {
        JsonObject init = JSON.createObjectBuilder().add("initializeUploadRequest",
                JSON.createObjectBuilder().add("owner", channel.account())).build();
        return tokens.sendLater(token -> request(channel, "/rest/images?action=initializeUpload", token)
                .header("Content-Type", "application/json").POST(NetworkCall.json(init)).build()).thenCompose(call -> {
                    if (!call.succeeded()) {
                        throw Stop.beforePost(call.failure(message(call)));
                    }
                    Optional<JsonObject> answer = call.jsonObject();
                    Optional<String> uploadUrl = answer.flatMap(o -> JsonPaths.text(o, "value.uploadUrl"));
                    Optional<String> image = answer.flatMap(o -> JsonPaths.text(o, "value.image"));
                    if (uploadUrl.isEmpty() || image.isEmpty()) {
                        throw Stop.beforePost(call.unreadable());
                    }
                    return sent(tokens, uploadUrl.get(), media).thenApply(put -> image.get());
                });
    }

    private CompletableFuture<Void> sent(OAuth2Tokens tokens, String uploadUrl, OutgoingMedia media) {
        byte[] bytes = media.bytes();
        return tokens.sendLater(token -> NetworkCall.request(uploadUrl, answerTimeout)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build()).thenAccept(put -> {
                    if (!put.succeeded()) {
                        throw Stop.beforePost(put.failure(message(put)));
                    }
                });
    }

    /** Escapes the little-text markup and writes hashtags in its template, which is what makes them hashtags. */
    static String commentary(String text) {
        StringBuilder out = new StringBuilder();
        Matcher tag = HASHTAG.matcher(text);
        int from = 0;
        while (tag.find()) {
            out.append(escape(text.substring(from, tag.start()))).append("{hashtag|\\#|").append(escape(tag.group(1)))
                    .append('}');
            from = tag.end();
        }
        return out.append(escape(text.substring(from))).toString();
    }

    private static String escape(String text) {
        return RESERVED.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
    }

    /** Commentary as LinkedIn returns it, back to the words the author wrote. */
    static String plain(String commentary) {
        String tags = HASHTAG_TEMPLATE.matcher(commentary).replaceAll(m -> Matcher.quoteReplacement("#" + m.group(1)));
        return tags.replaceAll("\\\\(.)", "$1");
    }

    @Override
    public LookupResult lookup(ChannelAccess channel, Outgoing post) {
        if (post.answers().isPresent()) {
            return lookupAnswer(channel, post.text(), post.answers().get());
        }
        try {
            NetworkCall call = tokens(channel).send(token -> request(channel, "/rest/posts?author="
                    + Forms.encode(channel.account()) + "&q=author&count=" + LOOKUP_DEPTH, token)
                    .header("X-RestLi-Method", "FINDER").GET().build());
            if (!call.succeeded()) {
                return Calls.unknown(network(), call.failure(message(call)));
            }
            return call.jsonObject().map(answer -> JsonPaths.objects(answer, "elements").stream()
                            .filter(p -> PostText.same(plain(JsonPaths.text(p, "commentary").orElse("")), post.text()))
                            .findFirst().flatMap(p -> JsonPaths.text(p, "id"))
                            .<LookupResult>map(urn -> new LookupResult.Found(new PublishResult.Published(urn, url(urn))))
                            .orElseGet(LookupResult.Absent::new))
                    .orElseGet(() -> Calls.unknown(network(), call.unreadable()));
        } catch (ChannelAccess.MissingCredential e) {
            return new LookupResult.Unknown(e.getMessage());
        }
    }

    /** An answer shows up among the comments under the comment it answers (or under the post, at the top level). */
    private LookupResult lookupAnswer(ChannelAccess channel, String text, ReplyTarget target) {
        Optional<String> post = target.ref(POST_REF);
        if (post.isEmpty()) {
            return new LookupResult.Unknown("Herald does not know which LinkedIn post the answered comment is under.");
        }
        Optional<String> parent = parentComment(target);
        try {
            return LinkedInApi.comments(tokens(channel), channel, parent.orElse(post.get()), answerTimeout,
                            c -> c.failure(message(c))).stream()
                    .filter(c -> JsonPaths.text(c, "actor").filter(channel.account()::equals).isPresent())
                    .filter(c -> PostText.same(JsonPaths.text(c, "message.text").orElse(""), text))
                    .findFirst().flatMap(c -> JsonPaths.text(c, "commentUrn"))
                    .<LookupResult>map(urn -> new LookupResult.Found(new PublishResult.Published(urn,
                            LinkedInApi.commentUrl(post.get(), urn))))
                    .orElseGet(LookupResult.Absent::new);
        } catch (ChannelAccess.MissingCredential e) {
            return new LookupResult.Unknown(e.getMessage());
        } catch (Stop stop) {
            return Calls.unknown(network(), stop.result());
        }
    }

    /**
     * Likes and comments from Social Actions; impressions, reach, clicks and shares only for organization pages, which
     * are the only authors LinkedIn gives share statistics for. A part LinkedIn refuses to this app (403) is left
     * out; any other failure means the numbers cannot be read now.
     */
    /** A page is named by its organization, a member by the OpenID userinfo of the token. */
    @Override
    public AccountCheck whoAmI(ChannelAccess channel) {
        return Calls.account(network(), () -> {
            boolean page = channel.account().startsWith("urn:li:organization:");
            String path = page ? "/rest/organizations/" + Forms.encode(channel.account()
                    .substring("urn:li:organization:".length())) : "/v2/userinfo";
            NetworkCall call = tokens(channel).send(token -> request(channel, path, token).GET().build());
            JsonObject answer = Calls.accountAnswer(call, c -> c.failure(message(c)));
            return JsonPaths.text(answer, page ? "localizedName" : "name");
        });
    }

    @Override
    public MetricReading fetchMetrics(ChannelAccess channel, String networkPostId) {
        OAuth2Tokens tokens = tokens(channel);
        Map<Metric, Long> values = new EnumMap<>(Metric.class);
        read(tokens, channel, "/rest/socialActions/" + Forms.encode(networkPostId)).ifPresent(actions -> {
            JsonPaths.put(values, Metric.LIKES, JsonPaths.number(actions, "likesSummary.totalLikes"));
            JsonPaths.put(values, Metric.REPLIES, JsonPaths.number(actions, "commentsSummary.aggregatedTotalComments"));
        });
        if (channel.account().startsWith("urn:li:organization:")) {
            String list = networkPostId.startsWith("urn:li:ugcPost:") ? "ugcPosts" : "shares";
            read(tokens, channel, "/rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity="
                    + Forms.encode(channel.account()) + "&" + list + "=List(" + Forms.encode(networkPostId) + ")")
                    .flatMap(stats -> JsonPaths.objects(stats, "elements").stream().findFirst())
                    .flatMap(element -> JsonPaths.object(element, "totalShareStatistics"))
                    .ifPresent(total -> {
                        JsonPaths.put(values, Metric.IMPRESSIONS, JsonPaths.number(total, "impressionCount"));
                        JsonPaths.put(values, Metric.REACH, JsonPaths.number(total, "uniqueImpressionsCount"));
                        JsonPaths.put(values, Metric.LINK_CLICKS, JsonPaths.number(total, "clickCount"));
                        JsonPaths.put(values, Metric.SHARES, JsonPaths.number(total, "shareCount"));
                    });
        }
        return new MetricReading(Instant.now(), values);
    }

    /**
     * An organization page's followers from its network size. LinkedIn gives no follower count for a member's own
     * profile to apps like Herald, so a member channel reads as "not available" rather than zero.
     */
    @Override
    public MetricReading fetchChannelMetrics(ChannelAccess channel) {
        return Calls.channelReading(network(), () -> {
            if (!channel.account().startsWith("urn:li:organization:")) {
                return Calls.followers(Optional.empty());
            }
            return Calls.followers(read(tokens(channel), channel, "/rest/networkSizes/" + Forms.encode(channel.account())
                    + "?edgeType=COMPANY_FOLLOWED_BY_MEMBER").flatMap(size -> JsonPaths.number(size, "firstDegreeSize")));
        });
    }

    private Optional<JsonObject> read(OAuth2Tokens tokens, ChannelAccess channel, String pathAndQuery) {
        NetworkCall call = tokens.send(token -> request(channel, pathAndQuery, token).GET().build());
        if (call.status() == 403) {
            return Optional.empty();
        }
        if (!call.succeeded()) {
            throw Calls.metricsUnavailable(network(), call.failure(message(call)));
        }
        return Optional.of(call.jsonObject().orElseThrow(() -> Calls.metricsUnavailable(network(), call.unreadable())));
    }

    private OAuth2Tokens tokens(ChannelAccess channel) {
        return LinkedInApi.tokens(channel, answerTimeout);
    }

    private static String url(String urn) {
        return LinkedInApi.postUrl(urn);
    }

    private HttpRequest.Builder request(ChannelAccess channel, String pathAndQuery, String token) {
        return LinkedInApi.request(channel, pathAndQuery, token, answerTimeout);
    }

    private static String message(NetworkCall call) {
        return LinkedInApi.message(call);
    }
}
