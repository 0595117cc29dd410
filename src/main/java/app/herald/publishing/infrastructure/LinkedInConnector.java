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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LinkedIn's versioned REST API (Posts, Images, Social Actions, organization share statistics). The channel's
 * account is the author's URN: urn:li:organization:… for a page, urn:li:person:… for a member.
 */
@ApplicationScoped
public class LinkedInConnector implements NetworkConnector {

    /**
     * The API version Herald was written against. LinkedIn retires each monthly version after about a year, so this
     * must move forward deliberately, with the contract test, rather than follow the calendar.
     */
    static final String API_VERSION = "202510";
    static final int MAX_IMAGES = 1;
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
        return Calls.imagesOnly(Network.LINKEDIN, MAX_IMAGES, post);
    }

    @Override
    public PublishResult publish(ChannelAccess channel, Outgoing post) {
        try {
            OAuth2Tokens tokens = tokens(channel);
            JsonObjectBuilder body = JSON.createObjectBuilder()
                    .add("author", channel.account())
                    .add("commentary", commentary(post.text()))
                    .add("visibility", "PUBLIC")
                    .add("distribution", JSON.createObjectBuilder().add("feedDistribution", "MAIN_FEED")
                            .add("targetEntities", JSON.createArrayBuilder())
                            .add("thirdPartyDistributionChannels", JSON.createArrayBuilder()))
                    .add("lifecycleState", "PUBLISHED")
                    .add("isReshareDisabledByAuthor", false);
            if (!post.media().isEmpty()) {
                OutgoingMedia media = post.media().get(0);
                JsonObjectBuilder image = JSON.createObjectBuilder().add("id", upload(channel, tokens, media));
                if (media.altText() != null && !media.altText().isBlank()) {
                    image.add("altText", media.altText());
                }
                body.add("content", JSON.createObjectBuilder().add("media", image));
            }
            JsonObject json = body.build();
            NetworkCall call = tokens.send(token -> request(channel, "/rest/posts", token)
                    .header("Content-Type", "application/json").POST(NetworkCall.json(json)).build());
            if (!call.succeeded()) {
                return call.failure(message(call));
            }
            // The new post's URN comes only in this header; the body is empty.
            return call.header("x-restli-id").filter(urn -> urn.startsWith("urn:li:"))
                    .<PublishResult>map(urn -> new PublishResult.Published(urn, url(urn)))
                    .orElseGet(call::unreadable);
        } catch (ChannelAccess.MissingCredential e) {
            return new PublishResult.Rejected(e.getMessage());
        } catch (Stop stop) {
            return stop.result();
        }
    }

    private String upload(ChannelAccess channel, OAuth2Tokens tokens, OutgoingMedia media) {
        JsonObject init = JSON.createObjectBuilder().add("initializeUploadRequest",
                JSON.createObjectBuilder().add("owner", channel.account())).build();
        NetworkCall call = tokens.send(token -> request(channel, "/rest/images?action=initializeUpload", token)
                .header("Content-Type", "application/json").POST(NetworkCall.json(init)).build());
        if (!call.succeeded()) {
            throw Stop.beforePost(call.failure(message(call)));
        }
        Optional<JsonObject> answer = call.jsonObject();
        Optional<String> uploadUrl = answer.flatMap(o -> JsonPaths.text(o, "value.uploadUrl"));
        Optional<String> image = answer.flatMap(o -> JsonPaths.text(o, "value.image"));
        if (uploadUrl.isEmpty() || image.isEmpty()) {
            throw Stop.beforePost(call.unreadable());
        }
        byte[] bytes = media.bytes();
        NetworkCall put = tokens.send(token -> NetworkCall.request(uploadUrl.get(), answerTimeout)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
        if (!put.succeeded()) {
            throw Stop.beforePost(put.failure(message(put)));
        }
        return image.get();
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
        // LinkedIn takes the app's id and secret as form fields of the token request.
        return new OAuth2Tokens(channel, answerTimeout, false);
    }

    private static String url(String urn) {
        return "https://www.linkedin.com/feed/update/" + urn + "/";
    }

    private HttpRequest.Builder request(ChannelAccess channel, String pathAndQuery, String token) {
        return NetworkCall.request(channel.endpoint() + pathAndQuery, answerTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Linkedin-Version", API_VERSION)
                .header("X-Restli-Protocol-Version", "2.0.0")
                .header("Accept", "application/json");
    }

    /** LinkedIn's errors: {"status": 422, "message": "..."}. */
    private static String message(NetworkCall call) {
        return call.jsonObject().flatMap(o -> JsonPaths.text(o, "message")).orElse(null);
    }
}
