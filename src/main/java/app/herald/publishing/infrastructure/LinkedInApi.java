package app.herald.publishing.infrastructure;

import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.PublishResult;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What LinkedIn's publishing connector and its inbox share: the channel's renewable token, the versioned REST request
 * with its headers, LinkedIn's error body, the two kinds of account (an organization page or a member), and the
 * comments listed under a post or under a comment, page by page.
 */
final class LinkedInApi {

    /**
     * The API version Herald was written against. LinkedIn retires each monthly version after about a year, so this
     * must move forward deliberately, with the contract tests, rather than follow the calendar.
     */
    static final String API_VERSION = "202510";
    static final String ORGANIZATION_PREFIX = "urn:li:organization:";
    /** Comments per page; LinkedIn answers ten when not asked. */
    static final int COMMENT_PAGE = 50;
    /** Bounds one listing: a post with more comments than this is read in part. */
    static final int MAX_COMMENT_PAGES = 20;
    /** urn:li:comment:(the activity it belongs to,its own id). */
    private static final Pattern COMMENT_URN = Pattern.compile("^urn:li:comment:\\((.+),(\\d+)\\)$");

    private LinkedInApi() {
    }

    static OAuth2Tokens tokens(ChannelAccess channel, Duration answerTimeout) {
        // LinkedIn takes the app's id and secret as form fields of the token request.
        return new OAuth2Tokens(channel, answerTimeout, false);
    }

    static HttpRequest.Builder request(ChannelAccess channel, String pathAndQuery, String token, Duration timeout) {
        return NetworkCall.request(channel.endpoint() + pathAndQuery, timeout)
                .header("Authorization", "Bearer " + token)
                .header("Linkedin-Version", API_VERSION)
                .header("X-Restli-Protocol-Version", "2.0.0")
                .header("Accept", "application/json");
    }

    /** A page's channel is its organization; any other account is a member's own profile. */
    static boolean isOrganization(ChannelAccess channel) {
        return channel.account() != null && channel.account().startsWith(ORGANIZATION_PREFIX);
    }

    static String postUrl(String urn) {
        return "https://www.linkedin.com/feed/update/" + urn + "/";
    }

    static String commentUrl(String postUrn, String commentUrn) {
        return postUrl(postUrn) + "?commentUrn=" + Forms.encode(commentUrn);
    }

    /** The comment's own id, the last part of its URN, which LinkedIn's delete path asks for. */
    static Optional<String> commentId(String commentUrn) {
        Matcher m = COMMENT_URN.matcher(commentUrn);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /** The activity a comment belongs to, the first part of its URN. */
    static Optional<String> activityOf(String commentUrn) {
        Matcher m = COMMENT_URN.matcher(commentUrn);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** LinkedIn's errors: {"status": 422, "message": "..."}. */
    static String message(NetworkCall call) {
        return call.jsonObject().flatMap(o -> JsonPaths.text(o, "message")).orElse(null);
    }

    /**
     * Every comment LinkedIn lists under a post or a comment (its URN), as its JSON; a refusal ends the listing with
     * a {@link Stop} carrying what the caller makes of it.
     */
    static List<JsonObject> comments(OAuth2Tokens tokens, ChannelAccess channel, String urn, Duration timeout,
                                     Function<NetworkCall, PublishResult> failure) {
        List<JsonObject> comments = new ArrayList<>();
        for (int page = 0; page < MAX_COMMENT_PAGES; page++) {
            String path = "/rest/socialActions/" + Forms.encode(urn) + "/comments?start=" + page * COMMENT_PAGE
                    + "&count=" + COMMENT_PAGE;
            NetworkCall call = tokens.send(token -> request(channel, path, token, timeout).GET().build());
            if (!call.succeeded()) {
                throw new Stop(failure.apply(call));
            }
            JsonObject answer = call.jsonObject().orElseThrow(() -> new Stop(new PublishResult.RetryLater(
                    "LinkedIn answered with something Herald could not read; it asks again later.")));
            List<JsonObject> found = JsonPaths.objects(answer, "elements");
            comments.addAll(found);
            long total = JsonPaths.number(answer, "paging.total").orElse(Long.MAX_VALUE);
            if (found.size() < COMMENT_PAGE || (long) (page + 1) * COMMENT_PAGE >= total) {
                break;
            }
        }
        return comments;
    }
}
