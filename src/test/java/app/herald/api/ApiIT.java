package app.herald.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.content.application.MediaLibrary;
import app.herald.content.application.PostingQueue;
import app.herald.content.application.Posts;
import app.herald.content.domain.PostingSlot;
import app.herald.identity.application.Actors;
import app.herald.identity.application.ApiTokens;
import app.herald.identity.application.MemberAdministration;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.ApiScope;
import app.herald.identity.domain.ApiToken;
import app.herald.identity.domain.Role;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.domain.Tenant;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.InTenant;
import app.herald.testsupport.WebClient;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API over real HTTP on the running server: tokens (shown once, kept as a digest, revocable, held to their
 * member's current role and clients), posts read, written, listed by cursor, guarded by ETags and Idempotency-Keys,
 * review through the API, problem documents for every mistake, rate limits and the OpenAPI document.
 */
@ExtendWith(ArquillianExtension.class)
class ApiIT {

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(ApiIT.class, WebClient.class, InTenant.class);
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Set<ApiScope> EVERYTHING = Set.of(ApiScope.values());

    @Inject
    ApiTokens tokens;
    @Inject
    Actors actors;
    @Inject
    TenantRegistry registry;
    @Inject
    MemberAdministration members;
    @Inject
    InTenant inTenant;
    @Inject
    PostingQueue postingQueue;
    @Inject
    MediaLibrary mediaLibrary;
    @Inject
    Posts postsService;
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @ArquillianResource
    URL base;

    // ---------------------------------------------------------------- helpers

    private Actor actor(String email) {
        return actors.byEmail(email).orElseThrow();
    }

    private long client(String name) {
        return registry.all().stream().filter(t -> t.getName().equals(name)).map(Tenant::getId).findFirst()
                .orElseThrow();
    }

    private String token(String issuer, String member, Set<ApiScope> scopes, Set<Long> clients) {
        return tokens.issue(actor(issuer), member, "test " + UUID.randomUUID(), scopes, clients,
                Instant.now().plus(Duration.ofDays(30))).text();
    }

    private String ownerToken() {
        return token(Demo.NORTHWIND_OWNER, Demo.NORTHWIND_OWNER, EVERYTHING, Set.of());
    }

    private HttpResponse<String> call(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString() + "api/v1/" + path))
                .timeout(Duration.ofSeconds(30)).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }

    private static JsonObject object(HttpResponse<String> answer) {
        return Json.createReader(new StringReader(answer.body())).readObject();
    }

    private static JsonArray array(HttpResponse<String> answer) {
        return Json.createReader(new StringReader(answer.body())).readArray();
    }

    /** A problem document with this status, whose detail says what it should. */
    private static JsonObject problem(HttpResponse<String> answer, int status, String detailContains) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().map().toString());
        JsonObject problem = object(answer);
        assertEquals(status, problem.getInt("status"));
        assertTrue(problem.getString("detail").contains(detailContains), problem.getString("detail"));
        assertFalse(answer.body().contains("Exception") || answer.body().contains("app.herald"), answer.body());
        return problem;
    }

    /** The client's demo Sandbox channel, which is always connected. */
    private long firstChannel(String token, long client) {
        JsonArray channels = array(call("GET", "clients/" + client + "/channels", token, null));
        return channels.stream().map(JsonValue::asJsonObject).filter(c -> c.getString("network").equals("SANDBOX"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    private static String post(String title, String text, long channel) {
        return Json.createObjectBuilder().add("title", title).add("text", text)
                .add("channels", Json.createArrayBuilder().add(channel)).build().toString();
    }

    private int countPosts(long client, String title) throws Exception {
        String schema = registry.find(client).orElseThrow().ref().schema().value();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + schema + ".post WHERE title = ?")) {
            s.setString(1, title);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void aTokenIsShownOnceKeptAsADigestAndOpensOnlyWhatItsMemberMaySee() throws Exception {
        // Everything the server logs while the token is used, refused and revoked, to show it never names the token.
        List<String> logged = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler listener = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(new java.util.logging.SimpleFormatter().format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger.getLogger("").addHandler(listener);
        try {
            tokenLifeAndLimits(logged);
        } finally {
            java.util.logging.Logger.getLogger("").removeHandler(listener);
        }
    }

    private void tokenLifeAndLimits(List<String> logged) throws Exception {
        long acme = client(Demo.ACME);
        long globex = client(Demo.GLOBEX);
        long initech = client(Demo.INITECH);
        assertThrows(RuleViolation.class, () -> token(Demo.NORTHWIND_OWNER, Demo.NORTHWIND_EDITOR, EVERYTHING,
                Set.of()), "the editor does not see every client, so the token must name its clients");
        assertThrows(RuleViolation.class, () -> token(Demo.NORTHWIND_OWNER, Demo.NORTHWIND_EDITOR, EVERYTHING,
                Set.of(globex)), "nor one the editor does not work on");
        assertThrows(AccessDenied.class, () -> token(Demo.NORTHWIND_OWNER, Demo.NORTHWIND_OWNER, EVERYTHING,
                Set.of(initech)), "nor another agency's client");
        assertThrows(AccessDenied.class, () -> token(Demo.NORTHWIND_EDITOR, Demo.NORTHWIND_EDITOR, EVERYTHING,
                Set.of(acme)), "editors do not make tokens");
        assertThrows(RuleViolation.class, () -> token(Demo.NORTHWIND_OWNER, Demo.SOUTHWIND_OWNER, EVERYTHING,
                Set.of()), "a token acts for a member of the issuer's own agency");

        String editor = token(Demo.NORTHWIND_OWNER, Demo.NORTHWIND_EDITOR, EVERYTHING, Set.of(acme));
        assertTrue(editor.matches("hrld_[a-z2-9]{10}_[A-Za-z2-9]{40}"), editor);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT digest, prefix FROM api_token")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    assertFalse(editor.contains(r.getString(1)) || r.getString(1).contains(editor.substring(16)),
                            "only a digest is kept");
                }
            }
        }

        JsonArray clients = array(call("GET", "clients", editor, null));
        assertEquals(1, clients.size(), clients.toString());
        assertEquals(Demo.ACME, clients.getJsonObject(0).getString("name"));
        assertEquals("Europe/Berlin", clients.getJsonObject(0).getString("timeZone"));
        assertEquals(200, call("GET", "clients/" + acme + "/posts", editor, null).statusCode());
        problem(call("GET", "clients/" + globex + "/posts", editor, null), 404, "may not see it");
        problem(call("GET", "clients/" + initech + "/posts", ownerToken(), null), 404, "may not see it");
        problem(call("GET", "clients/" + initech + "/channels", ownerToken(), null), 404, "may not see it");

        // Another client's post id under one's own client reads as nothing.
        String southwind = token(Demo.SOUTHWIND_OWNER, Demo.SOUTHWIND_OWNER, EVERYTHING, Set.of());
        long initechChannel = firstChannel(southwind, initech);
        HttpResponse<String> theirs = call("POST", "clients/" + initech + "/posts", southwind,
                post("Initech only " + UUID.randomUUID(), "Hello", initechChannel));
        assertEquals(201, theirs.statusCode(), theirs.body());
        long theirPost = object(theirs).getJsonNumber("id").longValue();
        HttpResponse<String> forged = call("GET", "clients/" + acme + "/posts/" + theirPost, editor, null);
        if (forged.statusCode() == 200) {
            assertFalse(forged.body().contains("Initech only"), "an id of another tenant never shows its post");
        } else {
            problem(forged, 404, "may not see it");
        }

        problem(call("GET", "clients", null, null), 401, "Bearer");
        HttpResponse<String> wrong = call("GET", "clients", editor.substring(0, editor.length() - 1) + "x", null);
        problem(wrong, 401, "not known");
        assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        problem(call("GET", "clients", "not-a-token", null), 401, "not a Herald API token");

        ApiToken made = tokens.of(actor(Demo.NORTHWIND_OWNER)).stream().map(ApiTokens.Listed::token)
                .filter(t -> editor.contains(t.getPrefix())).findFirst().orElseThrow();
        assertTrue(made.getLastUsedAt().isPresent(), "the token's use is noted");
        assertTrue(made.getLastUsedFrom().isPresent());
        assertThrows(AccessDenied.class, () -> tokens.revoke(actor(Demo.SOUTHWIND_OWNER), made.getId()),
                "another agency cannot revoke it");
        tokens.revoke(actor(Demo.NORTHWIND_OWNER), made.getId());
        problem(call("GET", "clients", editor, null), 401, "revoked");
        synchronized (logged) {
            assertFalse(logged.stream().anyMatch(line -> line.contains(editor.substring(16))),
                    "the token's secret part is in no log line");
        }
    }

    @Test
    void scopesAndTheMembersCurrentRoleLimitWhatATokenDoes() {
        long acme = client(Demo.ACME);
        String readOnly = token(Demo.NORTHWIND_OWNER, Demo.NORTHWIND_OWNER, Set.of(ApiScope.POSTS_READ), Set.of());
        problem(call("POST", "clients/" + acme + "/posts", readOnly, post("x", "y", 1)), 403, "posts:write");
        problem(call("GET", "clients", readOnly, null), 403, "clients:read");

        String analyst = token(Demo.NORTHWIND_OWNER, Demo.NORTHWIND_ANALYST, EVERYTHING, Set.of());
        problem(call("POST", "clients/" + acme + "/posts", analyst, post("x", "y", 1)), 403, "Analyst");

        String editor = token(Demo.NORTHWIND_OWNER, Demo.NORTHWIND_EDITOR, EVERYTHING, Set.of(acme));
        long channel = firstChannel(editor, acme);
        assertEquals(201, call("POST", "clients/" + acme + "/posts", editor,
                post("Before demotion " + UUID.randomUUID(), "Hello", channel)).statusCode());
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        long membership = members.peopleOf(owner).stream().filter(p -> p.email().equals(Demo.NORTHWIND_EDITOR))
                .findFirst().orElseThrow().membershipId();
        members.changeRole(owner, membership, Role.ANALYST);
        try {
            problem(call("POST", "clients/" + acme + "/posts", editor, post("After demotion", "Hello", channel)), 403,
                    "Analyst");
            assertEquals(200, call("GET", "clients/" + acme + "/posts", editor, null).statusCode(),
                    "reading is still what an analyst may do");
        } finally {
            members.changeRole(owner, membership, Role.EDITOR);
        }
    }

    // ---------------------------------------------------------------- posts

    @Test
    void postsAreWrittenReadAndListedByCursorWithoutGapsOrRepeats() {
        long acme = client(Demo.ACME);
        String token = ownerToken();
        long channel = firstChannel(token, acme);
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> created = call("POST", "clients/" + acme + "/posts", token,
                    post("Cursor " + run + " " + i, "Text " + i, channel));
            assertEquals(201, created.statusCode(), created.body());
            JsonObject body = object(created);
            made.add(body.getJsonNumber("id").longValue());
            assertEquals(base.toString() + "api/v1/clients/" + acme + "/posts/" + made.get(i),
                    created.headers().firstValue("Location").orElse(""));
            assertEquals("DRAFT", body.getString("state"));
            assertEquals(channel, body.getJsonArray("variants").getJsonObject(0).getJsonNumber("channel").longValue());
        }
        List<Long> seen = new ArrayList<>();
        String next = "clients/" + acme + "/posts?limit=2&q=" + run;
        int pages = 0;
        while (next != null) {
            HttpResponse<String> page = call("GET", next, token, null);
            assertEquals(200, page.statusCode(), page.body());
            array(page).forEach(p -> seen.add(p.asJsonObject().getJsonNumber("id").longValue()));
            if (pages == 0) {
                // A post made while the caller pages neither shifts nor repeats what follows.
                call("POST", "clients/" + acme + "/posts", token, post("Cursor " + run + " late", "Late", channel));
            }
            next = page.headers().firstValue("Link").map(ApiIT::nextOf).orElse(null);
            pages++;
        }
        List<Long> newestFirst = new ArrayList<>(made);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen, "newest first, each once");
        assertEquals(3, pages, "pages of 2, 2 and 1");
        problem(call("GET", "clients/" + acme + "/posts?cursor=bm90LWEtY3Vyc29y", token, null), 422, "cursor");
        problem(call("GET", "clients/" + acme + "/posts?limit=0", token, null), 422, "1 to 100");
        problem(call("GET", "clients/" + acme + "/posts?limit=101", token, null), 422, "1 to 100");
        problem(call("GET", "clients/" + acme + "/posts?state=PUBLISHED_MAYBE", token, null), 422, "DRAFT");
        JsonArray drafts = array(call("GET", "clients/" + acme + "/posts?state=DRAFT&q=" + run, token, null));
        assertEquals(6, drafts.size());
    }

    private static String nextOf(String link) {
        Matcher m = Pattern.compile("<[^>]*/api/v1/([^>]+)>;\\s*rel=\"next\"").matcher(link);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Five hundred posts read a hundred at a time while a script keeps writing new ones between the pages: each of the
     * five hundred once, newest first, and none of the new ones slipping into what was left.
     */
    @Test
    void fiveHundredPostsArePagedWithoutGapsOrRepeatsWhilePostsAreAdded() {
        long acme = client(Demo.ACME);
        String token = ownerToken();
        long channel = firstChannel(token, acme);
        String run = "Bulk" + UUID.randomUUID().toString().substring(0, 8);
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        List<Long> written = inTenant.call(owner, acme, () -> {
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                ids.add(postsService.draft(owner, run + " " + i, "Text " + i, Set.of(channel)).getId());
            }
            return ids;
        });
        List<Long> seen = new ArrayList<>();
        String next = "clients/" + acme + "/posts?limit=100&q=" + run;
        int late = 0;
        while (next != null) {
            HttpResponse<String> page = call("GET", next, token, null);
            assertEquals(200, page.statusCode(), page.body());
            array(page).forEach(p -> seen.add(p.asJsonObject().getJsonNumber("id").longValue()));
            assertEquals(201, call("POST", "clients/" + acme + "/posts", token,
                    post(run + " late " + late++, "Written meanwhile", channel)).statusCode());
            next = page.headers().firstValue("Link").map(ApiIT::nextOf).orElse(null);
        }
        assertEquals(written.stream().sorted(java.util.Comparator.reverseOrder()).toList(), seen,
                "each of the five hundred once, newest first, and nothing written meanwhile");
        assertTrue(late >= 5, "pages: " + late);
    }

    @Test
    void aChangeNeedsTheETagLastReadSoNoEditIsLost() {
        long acme = client(Demo.ACME);
        String token = ownerToken();
        long channel = firstChannel(token, acme);
        JsonObject created = object(call("POST", "clients/" + acme + "/posts", token,
                post("ETag " + UUID.randomUUID(), "First words", channel)));
        String path = "clients/" + acme + "/posts/" + created.getJsonNumber("id");
        HttpResponse<String> read = call("GET", path, token, null);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, call("GET", path, token, null, "If-None-Match", etag).statusCode());

        String change = Json.createObjectBuilder().add("title", created.getString("title")).add("text", "Second words")
                .add("channels", Json.createArrayBuilder().add(channel)).build().toString();
        problem(call("PUT", path, token, change), 428, "If-Match");
        problem(call("PUT", path, token, change, "If-Match", "\"0123\""), 412, "changed since you read it");
        HttpResponse<String> updated = call("PUT", path, token, change, "If-Match", etag);
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("Second words", object(updated).getString("text"));
        String newTag = updated.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(etag, newTag);
        assertEquals(newTag, call("GET", path, token, null).headers().firstValue("ETag").orElseThrow(),
                "the ETag of the answer is the one the next read gives");
        problem(call("PUT", path, token, change.replace("Second", "Third"), "If-Match", etag), 412,
                "changed since you read it");
        assertEquals("Second words", object(call("GET", path, token, null)).getString("text"), "nothing was lost");
    }

    @Test
    void anIdempotencyKeyGivesTheFirstAnswerAgainAndRefusesAnotherRequest() throws Exception {
        long acme = client(Demo.ACME);
        String token = ownerToken();
        long channel = firstChannel(token, acme);
        String title = "Idempotent " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = call("POST", "clients/" + acme + "/posts", token, post(title, "Once", channel),
                "Idempotency-Key", key);
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> again = call("POST", "clients/" + acme + "/posts", token, post(title, "Once", channel),
                "Idempotency-Key", key);
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(object(first).getJsonNumber("id"), object(again).getJsonNumber("id"));
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(first.headers().firstValue("Location"), again.headers().firstValue("Location"));
        assertEquals(1, countPosts(acme, title), "one post, however often it was sent");
        problem(call("POST", "clients/" + acme + "/posts", token, post(title, "Other words", channel),
                "Idempotency-Key", key), 422, "different request");
        assertEquals(1, countPosts(acme, title));

        // A request refused for its content leaves the key free for the corrected one.
        String second = UUID.randomUUID().toString();
        problem(call("POST", "clients/" + acme + "/posts", token, post("", "No title", channel),
                "Idempotency-Key", second), 422, "working title");
        assertEquals(201, call("POST", "clients/" + acme + "/posts", token, post(title + " b", "Fixed", channel),
                "Idempotency-Key", second).statusCode());
        problem(call("POST", "clients/" + acme + "/posts", token, post(title, "x", channel), "Idempotency-Key",
                "x".repeat(256)), 422, "Idempotency-Key");
    }

    @Test
    void badInputGetsAProblemDocumentAndChangesNothing() throws Exception {
        long acme = client(Demo.ACME);
        String token = ownerToken();
        long channel = firstChannel(token, acme);
        String title = "Refused " + UUID.randomUUID();
        String posts = "clients/" + acme + "/posts";
        problem(call("POST", posts, token, "{\"title\": \"" + title + "\", "), 400, "JSON");
        problem(call("POST", posts, token, "{\"title\": \"" + title + "\", \"text\": \"x\", \"channels\": [" + channel
                + "], \"scheduledAt\": \"2027-02-30T10:00:00Z\"}"), 400, "ISO-8601");
        problem(call("POST", posts, token, "{\"title\": \"" + title + "\", \"text\": \"x\", \"channels\": [" + channel
                + "], \"scheduledAt\": \"2020-01-01T10:00:00Z\"}"), 422, "future");
        problem(call("POST", posts, token, post(title, "x", 987654321L)), 422, "no active channel 987654321");
        problem(call("POST", posts, token, post(title, "x".repeat(100_001), channel)), 422, "100,000");
        problem(call("POST", posts, token, post(title + "\u202Egnp.exe", "x", channel)), 422, "title");
        problem(call("POST", posts, token, "[1, 2]"), 400, "JSON");
        problem(call("POST", posts, token, post(title, "x".repeat(3 * 1024 * 1024), channel)), 413, "2 MB");
        problem(call("GET", posts + "?limit=ten", token, null), 422, "1 to 100");
        byte[] large = post(title, "y".repeat(3 * 1024 * 1024), channel).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(URI.create(base + "api/v1/" + posts))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large))).build(),
                HttpResponse.BodyHandlers.ofString());
        problem(chunked, 413, "2 MB");
        problem(call("DELETE", posts, token, null), 405, "method");
        problem(call("GET", "clients/" + acme + "/nothing", token, null), 404, "no such address");
        assertEquals(0, countPosts(acme, title), "nothing was written");
    }

    @Test
    void aPostGoesThroughReviewByTheApi() {
        long acme = client(Demo.ACME);
        String editor = token(Demo.NORTHWIND_OWNER, Demo.NORTHWIND_EDITOR, EVERYTHING, Set.of(acme));
        String owner = ownerToken();
        long channel = firstChannel(editor, acme);
        JsonObject created = object(call("POST", "clients/" + acme + "/posts", editor,
                post("Review " + UUID.randomUUID(), "Ready for review", channel)));
        String path = "clients/" + acme + "/posts/" + created.getJsonNumber("id");
        Instant at = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        JsonObject scheduled = object(call("POST", path + "/schedule", editor, "{\"at\": \"" + at + "\"}"));
        assertEquals(at.toString(), scheduled.getString("scheduledAt"));
        assertEquals(at.atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDateTime().toString().substring(0, 16),
                scheduled.getString("scheduledLocal").substring(0, 16), "also shown in the client's zone");

        HttpResponse<String> submitted = call("POST", path + "/submit", editor, "");
        assertEquals(200, submitted.statusCode(), submitted.body());
        assertEquals("IN_REVIEW", object(submitted).getString("state"));
        problem(call("POST", path + "/decisions", owner, "{\"decision\": \"maybe\"}"), 422, "approve");
        HttpResponse<String> approved = call("POST", path + "/decisions", owner,
                "{\"decision\": \"approve\", \"comment\": \"Good to go\"}");
        assertEquals(200, approved.statusCode(), approved.body());
        assertNotEquals("IN_REVIEW", object(approved).getString("state"), "the review moved on");
        String noReviews = token(Demo.NORTHWIND_OWNER, Demo.NORTHWIND_OWNER, Set.of(ApiScope.POSTS_WRITE), Set.of());
        problem(call("POST", path + "/decisions", noReviews, "{\"decision\": \"approve\"}"), 403, "reviews:write");
    }

    /**
     * A draft never sent to review is deleted with its variants; a post in review is not; a post is put in its
     * channel's next free slot, or told there is none; a campaign is made, listed and named by a post, and another
     * client's campaign cannot be named.
     */
    @Test
    void draftsAreDeletedPostsQueuedAndCampaignsNamed() throws Exception {
        long acme = client(Demo.ACME);
        String token = ownerToken();
        long channel = firstChannel(token, acme);
        String title = "Throw away " + UUID.randomUUID();
        HttpResponse<String> made = call("POST", "clients/" + acme + "/posts", token, post(title, "Soon gone", channel));
        long draft = object(made).getJsonNumber("id").longValue();
        assertEquals(204, call("DELETE", "clients/" + acme + "/posts/" + draft, token, null).statusCode());
        assertEquals(0, countPosts(acme, title), "the draft and nothing else is gone");
        problem(call("GET", "clients/" + acme + "/posts/" + draft, token, null), 404, "may not see it");
        problem(call("DELETE", "clients/" + acme + "/posts/" + draft, token, null), 404, "may not see it");

        String kept = "Kept " + UUID.randomUUID();
        long reviewed = object(call("POST", "clients/" + acme + "/posts", token, post(kept, "In review", channel)))
                .getJsonNumber("id").longValue();
        assertEquals(200, call("POST", "clients/" + acme + "/posts/" + reviewed + "/submit", token, null).statusCode());
        problem(call("DELETE", "clients/" + acme + "/posts/" + reviewed, token, null), 422, "never sent to review");
        assertEquals(1, countPosts(acme, kept));
        String southwind = token(Demo.SOUTHWIND_OWNER, Demo.SOUTHWIND_OWNER, EVERYTHING, Set.of());
        problem(call("DELETE", "clients/" + acme + "/posts/" + reviewed, southwind, null), 404, "may not see it");
        assertEquals(1, countPosts(acme, kept), "another agency's token deletes nothing");

        long queued = object(call("POST", "clients/" + acme + "/posts", token, post("Queued " + UUID.randomUUID(),
                "Next slot", channel))).getJsonNumber("id").longValue();
        boolean slotted = inTenant.call(actor(Demo.NORTHWIND_OWNER), acme, () -> !postingQueue.slotsOf(channel).isEmpty());
        if (!slotted) {
            problem(call("POST", "clients/" + acme + "/posts/" + queued + "/queue", token, null), 422,
                    "No free posting slot");
            inTenant.call(actor(Demo.NORTHWIND_OWNER), acme, () -> postingQueue.addSlot(actor(Demo.NORTHWIND_OWNER),
                    channel, new PostingSlot(java.time.DayOfWeek.WEDNESDAY, java.time.LocalTime.of(9, 30))));
        }
        HttpResponse<String> inQueue = call("POST", "clients/" + acme + "/posts/" + queued + "/queue", token, null);
        assertEquals(200, inQueue.statusCode(), inQueue.body());
        assertTrue(Instant.parse(object(inQueue).getString("scheduledAt")).isAfter(Instant.now()));

        String name = "Spring " + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> campaign = call("POST", "clients/" + acme + "/campaigns", token,
                "{\"name\": \"" + name + "\", \"startsOn\": \"2027-03-01\", \"endsOn\": \"2027-03-31\", "
                        + "\"budget\": 1200, \"currency\": \"EUR\"}");
        assertEquals(201, campaign.statusCode(), campaign.body());
        long campaignId = object(campaign).getJsonNumber("id").longValue();
        String location = campaign.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/clients/" + acme + "/campaigns/" + campaignId), location);
        assertEquals(object(campaign), object(call("GET", "clients/" + acme + "/campaigns/" + campaignId, token, null)));
        problem(call("GET", "clients/" + acme + "/campaigns/987654321", token, null), 404, "nothing at this address");
        assertTrue(array(call("GET", "clients/" + acme + "/campaigns", token, null)).stream()
                .anyMatch(c -> c.asJsonObject().getString("name").equals(name)));
        String named = Json.createObjectBuilder().add("title", "In a campaign").add("text", "Spring")
                .add("channels", Json.createArrayBuilder().add(channel)).add("campaign", campaignId)
                .add("tags", Json.createArrayBuilder().add("spring")).build().toString();
        JsonObject inCampaign = object(call("POST", "clients/" + acme + "/posts", token, named));
        assertEquals(campaignId, inCampaign.getJsonNumber("campaign").longValue());
        assertEquals("spring", inCampaign.getJsonArray("tags").getString(0));
        problem(call("POST", "clients/" + acme + "/campaigns", token, "{\"name\": \"Backwards\", "
                + "\"startsOn\": \"2027-03-31\", \"endsOn\": \"2027-03-01\"}"), 422, "ends on or after");
        problem(call("POST", "clients/" + acme + "/campaigns", token, "{\"name\": \"Nowhere\", "
                + "\"startsOn\": \"2027-02-30\", \"endsOn\": \"2027-03-01\"}"), 422, "not a day");

        String forgedTitle = "Forged campaign " + UUID.randomUUID();
        String forged = named.replace("\"campaign\":" + campaignId, "\"campaign\":987654321")
                .replace("In a campaign", forgedTitle);
        problem(call("POST", "clients/" + acme + "/posts", token, forged), 422,
                "does not exist in this client's workspace");
        assertEquals(0, countPosts(acme, forgedTitle), "the post was not kept without its campaign");
    }

    @Test
    void aClientsResultsAreReadForAPeriodAgainstThePeriodBefore() {
        long acme = client(Demo.ACME);
        String token = ownerToken();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        String path = "clients/" + acme + "/analytics?from=" + today.minusDays(29) + "&to=" + today;
        HttpResponse<String> answer = call("GET", path, token, null);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject summary = object(answer);
        assertEquals(today.toString(), summary.getString("to"));
        assertEquals("ACTIVITY", summary.getString("basis"));
        assertEquals("Europe/Berlin", summary.getString("timeZone"));
        assertTrue(summary.getJsonObject("current").getInt("postsPublished") > 0,
                "the demo's published posts are counted: " + summary);
        assertTrue(summary.containsKey("previous"));
        problem(call("GET", "clients/" + acme + "/analytics?from=2026-02-30&to=2026-03-02", token, null), 422,
                "not a day");
        problem(call("GET", "clients/" + acme + "/analytics?from=2020-01-01&to=2026-01-01", token, null), 422,
                "731");
        problem(call("GET", "clients/" + acme + "/analytics?from=2026-03-02&to=2026-03-01", token, null), 422,
                "ends before");
        JsonArray days = summary.getJsonArray("days");
        assertEquals(30, days.size(), "every day of the period, published or not");
        assertEquals(summary.getJsonObject("current").getInt("postsPublished"), days.stream()
                .mapToInt(d -> d.asJsonObject().getInt("postsPublished")).sum(), "the days add up to the total");
        String postsOnly = token(Demo.NORTHWIND_OWNER, Demo.NORTHWIND_OWNER, Set.of(ApiScope.POSTS_READ), Set.of());
        problem(call("GET", path, postsOnly, null), 403, "analytics:read");
    }

    /**
     * A variant names media of the client's library by id: listed from the library, kept in order, left as they are
     * when a change does not name them; an id the library does not hold is refused and nothing is stored.
     */
    @Test
    void aPostsVariantsNameMediaOfTheClientsLibrary() throws Exception {
        long acme = client(Demo.ACME);
        String token = ownerToken();
        long channel = firstChannel(token, acme);
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 40,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, new java.util.Random().nextInt(0xFFFFFF));
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", png);
        long picture = inTenant.call(owner, acme, () -> mediaLibrary.upload(owner, "api-" + UUID.randomUUID() + ".png",
                new ByteArrayInputStream(png.toByteArray()))).getId();
        JsonObject listed = array(call("GET", "clients/" + acme + "/media?limit=5", token, null)).stream()
                .map(JsonValue::asJsonObject).filter(m -> m.getJsonNumber("id").longValue() == picture).findFirst()
                .orElseThrow(() -> new AssertionError("the newest upload is on the first page"));
        assertEquals("image/png", listed.getString("contentType"));
        assertEquals(40, listed.getInt("width"));

        String title = "With a picture " + UUID.randomUUID();
        String body = Json.createObjectBuilder().add("title", title).add("text", "Look")
                .add("variants", Json.createArrayBuilder().add(Json.createObjectBuilder().add("channel", channel)
                        .add("media", Json.createArrayBuilder().add(picture)))).build().toString();
        HttpResponse<String> created = call("POST", "clients/" + acme + "/posts", token, body);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject variant = object(created).getJsonArray("variants").getJsonObject(0);
        assertEquals(picture, variant.getJsonArray("media").getJsonNumber(0).longValue());

        long id = object(created).getJsonNumber("id").longValue();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String reworded = Json.createObjectBuilder().add("title", title).add("text", "Look again")
                .add("channels", Json.createArrayBuilder().add(channel)).build().toString();
        HttpResponse<String> changed = call("PUT", "clients/" + acme + "/posts/" + id, token, reworded, "If-Match", etag);
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals(picture, object(changed).getJsonArray("variants").getJsonObject(0).getJsonArray("media")
                .getJsonNumber(0).longValue(), "a change that names no media keeps them");

        String forgedTitle = "Forged media " + UUID.randomUUID();
        problem(call("POST", "clients/" + acme + "/posts", token, body.replace(title, forgedTitle)
                .replace("[" + picture + "]", "[987654321]")), 422, "not in this client's library");
        assertEquals(0, countPosts(acme, forgedTitle), "nothing is stored");
    }

    /** Tracked links are listed newest first, page by page without gaps or repeats, each with its short address. */
    @Test
    void trackedLinksAreListedByCursorWithTheirShortAddresses() throws Exception {
        long acme = client(Demo.ACME);
        String token = ownerToken();
        String schema = registry.find(acme).orElseThrow().ref().schema().value();
        int stored;
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + schema + ".tracked_link");
             ResultSet r = s.executeQuery()) {
            r.next();
            stored = r.getInt(1);
        }
        assertTrue(stored > 1, "the demo's history made tracked links");
        List<Long> seen = new ArrayList<>();
        long clicks = 0;
        // Three pages or so, within the token's rate limit however many links the demo made.
        String next = "clients/" + acme + "/links?limit=" + Math.max(1, Math.min(100, stored / 3 + 1));
        for (int pages = 0; next != null && pages < 200; pages++) {
            HttpResponse<String> page = call("GET", next, token, null);
            assertEquals(200, page.statusCode(), page.body());
            for (JsonValue link : array(page)) {
                JsonObject l = link.asJsonObject();
                seen.add(l.getJsonNumber("id").longValue());
                assertTrue(l.getString("shortUrl").contains("/l/"), l.toString());
                clicks += l.getJsonNumber("clicks").longValue();
            }
            next = page.headers().firstValue("Link").map(ApiIT::nextOf).orElse(null);
        }
        assertEquals(stored, seen.size(), "every link once: " + seen);
        assertTrue(clicks > 0, "the demo's clicks are counted");
        assertEquals(seen.stream().sorted(java.util.Comparator.reverseOrder()).toList(), seen, "newest first");
        problem(call("GET", "clients/" + acme + "/links?cursor=forged", token, null), 422, "did not come from a page");
        problem(call("GET", "clients/" + acme + "/links?limit=0", token, null), 422, "1 to 100");
    }

    /**
     * A report asked for through the API is built in the background like one asked for on the screen, followed by
     * its state and downloaded as the file; what it cannot be is refused before anything is queued.
     */
    @Test
    void aReportIsAskedForFollowedUntilReadyAndDownloaded() throws Exception {
        long acme = client(Demo.ACME);
        String token = ownerToken();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        String body = "{\"format\": \"CSV\", \"from\": \"" + today.minusDays(6) + "\", \"to\": \"" + today + "\"}";
        HttpResponse<String> asked = call("POST", "clients/" + acme + "/reports", token, body);
        assertEquals(202, asked.statusCode(), asked.body());
        String location = asked.headers().firstValue("Location").orElseThrow();
        long id = object(asked).getJsonNumber("id").longValue();
        assertTrue(location.endsWith("/api/v1/clients/" + acme + "/reports/" + id), location);

        JsonObject report = object(asked);
        for (int i = 0; i < 120 && !report.getString("state").equals("READY"); i++) {
            assertNotEquals("FAILED", report.getString("state"), report.toString());
            Thread.sleep(500);
            report = object(call("GET", "clients/" + acme + "/reports/" + id, token, null));
        }
        assertEquals("READY", report.getString("state"), report.toString());
        assertEquals(100, report.getInt("progress"));
        HttpResponse<String> file = call("GET", "clients/" + acme + "/reports/" + id + "/file", token, null);
        assertEquals(200, file.statusCode(), file.body());
        assertTrue(file.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains(".csv"));
        assertTrue(file.body().contains(today.minusDays(6).toString()), "the period's days are in the file");

        problem(call("POST", "clients/" + acme + "/reports", token, body.replace("CSV", "DOCX")), 422, "PDF, XLSX, CSV");
        problem(call("POST", "clients/" + acme + "/reports", token,
                "{\"format\": \"PDF\", \"from\": \"2027-02-30\", \"to\": \"2027-03-02\"}"), 422, "not a day");
        problem(call("POST", "clients/" + acme + "/reports", token, "not json"), 400, "JSON");
        long globex = client(Demo.GLOBEX);
        problem(call("GET", "clients/" + globex + "/reports/" + id, token, null), 404, "may not see it");
        String southwind = token(Demo.SOUTHWIND_OWNER, Demo.SOUTHWIND_OWNER, EVERYTHING, Set.of());
        problem(call("GET", "clients/" + client(Demo.INITECH) + "/reports/" + id + "/file", southwind, null), 404,
                "may not see it");
    }

    /**
     * Every operation the served OpenAPI document lists, called with a token of each single scope: exactly one scope
     * opens it and every other is refused naming the scope it lacks; a token limited to another client finds nothing
     * of this client's, whatever its scopes.
     */
    @Test
    void everyOperationNeedsExactlyOneScopeAndStaysInsideTheTokensClients() throws Exception {
        long acme = client(Demo.ACME);
        java.util.Map<ApiScope, String> single = new java.util.EnumMap<>(ApiScope.class);
        for (ApiScope scope : ApiScope.values()) {
            single.put(scope, token(Demo.NORTHWIND_OWNER, Demo.NORTHWIND_OWNER, Set.of(scope), Set.of()));
        }
        String otherClient = token(Demo.NORTHWIND_OWNER, Demo.NORTHWIND_OWNER, EVERYTHING,
                Set.of(client(Demo.GLOBEX)));
        HttpResponse<String> served = HTTP.send(HttpRequest.newBuilder(URI.create(base + "openapi"))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + System.getenv("HERALD_OPERATOR_TOKEN")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject paths = object(served).getJsonObject("paths");
        int operations = 0;
        for (String template : paths.keySet()) {
            // Ids that exist nowhere: an operation that would change something finds nothing to change.
            String path = template.substring("/api/v1/".length()).replace("{client}", String.valueOf(acme))
                    .replaceAll("\\{[a-z]+\\}", "999999999");
            for (String method : paths.getJsonObject(template).keySet()) {
                String verb = method.toUpperCase(java.util.Locale.ROOT);
                String body = verb.equals("POST") || verb.equals("PUT") ? "{}" : null;
                List<ApiScope> opening = new ArrayList<>();
                for (ApiScope scope : ApiScope.values()) {
                    HttpResponse<String> answer = call(verb, path, single.get(scope), body);
                    if (answer.statusCode() != 403 || !answer.body().contains("This token lacks the scope")) {
                        opening.add(scope);
                    }
                }
                assertEquals(1, opening.size(), verb + " " + template + " is opened by " + opening);
                if (template.contains("{client}")) {
                    problem(call(verb, path, otherClient, body), 404, "may not see it");
                }
                operations++;
            }
        }
        assertTrue(operations >= 16, operations + " operations");
    }

    @Test
    void aPostsPublicationsAreFollowedAndCancelledAndTheCalendarShowsIt() throws Exception {
        long initech = client(Demo.INITECH);
        String southwind = token(Demo.SOUTHWIND_OWNER, Demo.SOUTHWIND_OWNER, EVERYTHING, Set.of());
        long channel = firstChannel(southwind, initech);
        JsonObject created = object(call("POST", "clients/" + initech + "/posts", southwind,
                post("Publishing " + UUID.randomUUID(), "Goes out in three days", channel)));
        long id = created.getJsonNumber("id").longValue();
        String path = "clients/" + initech + "/posts/" + id;
        Instant at = Instant.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        assertEquals(200, call("POST", path + "/schedule", southwind, "{\"at\": \"" + at + "\"}").statusCode());
        assertEquals("APPROVED", object(call("POST", path + "/submit", southwind, "")).getString("state"),
                "Initech needs no review");

        JsonArray planned = null;
        for (int i = 0; i < 50 && (planned == null || planned.isEmpty()); i++) {
            planned = array(call("GET", "clients/" + initech + "/publications?post=" + id, southwind, null));
            if (planned.isEmpty()) {
                Thread.sleep(200);
            }
        }
        assertEquals(1, planned.size(), planned.toString());
        JsonObject publication = planned.getJsonObject(0);
        assertEquals("QUEUED", publication.getString("state"));
        assertEquals(at.toString(), publication.getString("dueAt"));
        long publicationId = publication.getJsonNumber("id").longValue();

        String window = "clients/" + initech + "/calendar?from=" + Instant.now() + "&until="
                + Instant.now().plus(Duration.ofDays(7));
        assertTrue(array(call("GET", window, southwind, null)).stream()
                .anyMatch(p -> p.asJsonObject().getJsonNumber("id").longValue() == id), "the calendar shows it");
        problem(call("GET", "clients/" + initech + "/calendar?from=2027-01-01T00:00:00Z&until=2027-06-01T00:00:00Z",
                southwind, null), 422, "93 days");
        problem(call("GET", "clients/" + initech + "/calendar?from=2027-02-30T00:00:00Z&until=2027-03-01T00:00:00Z",
                southwind, null), 422, "not an instant");

        String publicationPath = "clients/" + initech + "/publications/" + publicationId;
        problem(call("POST", publicationPath + "/retry", southwind, ""), 422, "Only what failed");
        problem(call("GET", "clients/" + initech + "/publications", southwind, null), 422, "Name the post");
        problem(call("POST", publicationPath + "/cancel", ownerToken(), ""), 404, "may not see it");
        String readOnly = token(Demo.SOUTHWIND_OWNER, Demo.SOUTHWIND_OWNER, Set.of(ApiScope.POSTS_READ), Set.of());
        problem(call("POST", publicationPath + "/cancel", readOnly, ""), 403, "posts:write");
        HttpResponse<String> cancelled = call("POST", publicationPath + "/cancel", southwind, "");
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("CANCELLED", object(cancelled).getString("state"));
        assertEquals("CANCELLED", array(call("GET", "clients/" + initech + "/publications?post=" + id, southwind, null)).getJsonObject(0)
                .getString("state"));
    }

    // ---------------------------------------------------------------- limits and reference

    @Test
    void aTokenOverItsRateIsToldWhenToComeBackWhileOthersGoOn() {
        String busy = ownerToken();
        HttpResponse<String> last = null;
        int served = 0;
        for (int i = 0; i < 300; i++) {
            last = call("GET", "clients", busy, null);
            if (last.statusCode() != 200) {
                break;
            }
            served++;
            assertTrue(Long.parseLong(last.headers().firstValue("RateLimit-Remaining").orElseThrow()) >= 0);
        }
        assertTrue(served >= 100 && served < 300, "the limit of 100 a minute (set for the tests) held: " + served);
        problem(last, 429, "Try again in");
        assertTrue(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertEquals("100", last.headers().firstValue("RateLimit-Limit").orElse(""));
        assertEquals(200, call("GET", "clients", ownerToken(), null).statusCode(), "another token is still served");
    }

    @Test
    void theOpenApiDocumentDescribesTheApiForTheAgencysStaff() {
        WebClient owner = new WebClient(base);
        owner.signIn(Demo.NORTHWIND_OWNER, Demo.PASSWORD);
        HttpResponse<String> document = owner.get("openapi");
        assertEquals(200, document.statusCode(), document.body());
        for (String path : List.of("/api/v1/clients", "/api/v1/clients/{client}/posts",
                "/api/v1/clients/{client}/posts/{post}", "/api/v1/clients/{client}/posts/{post}/decisions")) {
            assertTrue(document.body().contains(path + ":"), path + " is described:\n" + document.body());
        }
        assertTrue(document.body().contains("bearer"), "the token scheme is described");
        WebClient approver = new WebClient(base);
        approver.signIn(Demo.ACME_APPROVER, Demo.PASSWORD);
        assertEquals(403, approver.get("openapi").statusCode(), "client users do not build integrations");
    }
}
