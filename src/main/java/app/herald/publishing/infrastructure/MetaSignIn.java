package app.herald.publishing.infrastructure;

import app.herald.content.domain.Network;
import app.herald.kernel.RuleViolation;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * After the code exchange at Meta: a Facebook sign-in gives a short-lived user token, which is exchanged for a
 * long-lived one so that the page tokens read with it do not expire; the page, or the Instagram business account
 * linked to a page, is then picked by the channel's handle. Threads exchanges its short-lived token for a 60-day one.
 */
final class MetaSignIn {

    private static final Logger LOG = Logger.getLogger(MetaSignIn.class.getName());

    /** Herald reads one page of the person's pages; an agency login that manages more picks by id in the handle. */
    private static final int PAGES = 100;
    /** How many names a "not found" message lists. */
    private static final int SHOWN = 5;

    private final OAuthProviders calls;

    MetaSignIn(OAuthProviders calls) {
        this.calls = calls;
    }

    /** The page whose id, username or name is the channel's handle: its page token posts as the page. */
    OAuthProviders.Grant facebookPage(OAuthProviders.App app, String userToken, String handle) {
        List<JsonObject> pages = pages(app, longLived(app, userToken), "id,name,username,access_token");
        String wanted = OAuthProviders.bareHandle(handle);
        JsonObject page = pages.stream().filter(p -> names(p, "id", "username", "name").contains(wanted)).findFirst()
                .orElseThrow(() -> notAmong(Network.FACEBOOK, handle, "page", pages.stream()
                        .map(p -> JsonPaths.text(p, "name").orElse("?")).toList()));
        String pageId = JsonPaths.text(page, "id").orElseThrow(() -> OAuthProviders.unreadable(Network.FACEBOOK));
        String pageToken = JsonPaths.text(page, "access_token").orElseThrow(() -> missingTasks(handle));
        subscribe(app, pageId, pageToken);
        return new OAuthProviders.Grant(Map.of("access_token", pageToken, "account_id", pageId),
                JsonPaths.text(page, "name").orElse(pageId));
    }

    /**
     * Asks Meta to push the page's comments and messages to Herald's webhook (/webhooks/meta), so that the inbox
     * reads them at once. A refusal (no webhook configured for the app, or no pages_manage_metadata) connects the page
     * all the same: the inbox then reads it at its own rhythm.
     */
    private void subscribe(OAuthProviders.App app, String pageId, String pageToken) {
        NetworkCall call = NetworkCall.send(NetworkCall.request(app.apiBase() + "/" + Forms.encode(pageId)
                        + "/subscribed_apps?subscribed_fields=feed,messages", calls.answerTimeout())
                .header("Authorization", "Bearer " + pageToken).POST(HttpRequest.BodyPublishers.noBody()).build());
        if (!call.succeeded()) {
            LOG.warning(() -> "Facebook did not subscribe page " + pageId + " to Herald's webhook (HTTP " + call.status()
                    + "); its inbox is read every minute instead.");
        }
    }

    /**
     * The Instagram business account whose username or id is the channel's handle, found through the pages the
     * person manages (a professional Instagram account is published to through its linked page).
     */
    OAuthProviders.Grant instagramAccount(OAuthProviders.App app, String userToken, String handle) {
        List<JsonObject> pages = pages(app, longLived(app, userToken),
                "id,name,access_token,instagram_business_account{id,username}");
        String wanted = OAuthProviders.bareHandle(handle);
        List<JsonObject> linked = pages.stream()
                .filter(p -> JsonPaths.text(p, "instagram_business_account.id").isPresent()).toList();
        JsonObject page = linked.stream()
                .filter(p -> names(p, "instagram_business_account.username", "instagram_business_account.id")
                        .contains(wanted))
                .findFirst()
                .or(() -> linked.stream().filter(p -> names(p, "id", "name").contains(wanted)).findFirst())
                .orElseThrow(() -> notAmong(Network.INSTAGRAM, handle, "Instagram business account", linked.stream()
                        .map(p -> "@" + JsonPaths.text(p, "instagram_business_account.username").orElse("?")).toList()));
        String igUser = JsonPaths.text(page, "instagram_business_account.id").orElseThrow();
        String pageToken = JsonPaths.text(page, "access_token").orElseThrow(() -> missingTasks(handle));
        return new OAuthProviders.Grant(Map.of("access_token", pageToken, "account_id", igUser),
                "@" + JsonPaths.text(page, "instagram_business_account.username").orElse(igUser));
    }

    /** Threads: the long-lived token (th_exchange_token) and the account it belongs to (/me). */
    OAuthProviders.Grant threadsAccount(OAuthProviders.App app, String shortToken, String handle) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("grant_type", "th_exchange_token");
        query.put("client_secret", app.clientSecret());
        query.put("access_token", shortToken);
        // The exchange lives at the root of the token URL's host (graph.threads.net/access_token), not under /oauth.
        JsonObject tokens = calls.getJson(Network.THREADS, origin(app.tokenUrl()) + "/access_token", query,
                "extend the sign-in");
        String token = JsonPaths.text(tokens, "access_token")
                .orElseThrow(() -> OAuthProviders.unreadable(Network.THREADS));
        JsonObject me = calls.getJson(Network.THREADS, app.apiBase() + "/me?fields=id,username", token,
                "read the signed-in account");
        String id = JsonPaths.text(me, "id").orElseThrow(() -> OAuthProviders.unreadable(Network.THREADS));
        String username = JsonPaths.text(me, "username").orElse(id);
        OAuthProviders.requireSameAccount(Network.THREADS, handle, "@" + username, username, id);
        Map<String, String> credentials = OAuthProviders.expiring(tokens, token);
        credentials.put("account_id", id);
        return new OAuthProviders.Grant(credentials, "@" + username);
    }

    /** fb_exchange_token: a 60-day user token, whose page tokens never expire (a short-lived one's last an hour). */
    private String longLived(OAuthProviders.App app, String shortToken) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("grant_type", "fb_exchange_token");
        query.put("client_id", app.clientId());
        query.put("client_secret", app.clientSecret());
        query.put("fb_exchange_token", shortToken);
        JsonObject answer = calls.getJson(app.network(), app.tokenUrl(), query, "extend the sign-in");
        return JsonPaths.text(answer, "access_token").orElseThrow(() -> OAuthProviders.unreadable(app.network()));
    }

    private List<JsonObject> pages(OAuthProviders.App app, String userToken, String fields) {
        JsonObject answer = calls.getJson(app.network(), app.apiBase() + "/me/accounts?fields=" + Forms.encode(fields)
                + "&limit=" + PAGES, userToken, "list the pages this sign-in manages");
        return JsonPaths.objects(answer, "data");
    }

    /** The values of the given fields, lower case, as a handle without its "@" is compared with them. */
    private static List<String> names(JsonObject object, String... paths) {
        return java.util.Arrays.stream(paths).map(p -> JsonPaths.text(object, p)).flatMap(Optional::stream)
                .map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private static RuleViolation notAmong(Network network, String handle, String kind, List<String> found) {
        String shown = found.isEmpty() ? "none"
                : found.stream().limit(SHOWN).map(OAuthProviders::oneLine).collect(Collectors.joining(", "))
                + (found.size() > SHOWN ? ", …" : "");
        return new RuleViolation("This " + network.label() + " sign-in does not manage the " + kind + " " + handle
                + " (found: " + shown + "). Nothing was changed: sign in as someone who manages it and allow Herald "
                + "access to it, or set the channel's handle to its id.");
    }

    private static RuleViolation missingTasks(String handle) {
        return new RuleViolation("Facebook gave no page token for " + handle + ": the person who signed in needs "
                + "full control of the page (or the task to create content). Nothing was changed.");
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
