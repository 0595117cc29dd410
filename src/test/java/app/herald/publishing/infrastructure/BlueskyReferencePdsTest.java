package app.herald.publishing.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.publishing.domain.AccountCheck;
import app.herald.publishing.domain.ChannelAccess;
import app.herald.publishing.domain.LookupResult;
import app.herald.publishing.domain.Outgoing;
import app.herald.publishing.domain.OutgoingMedia;
import app.herald.publishing.domain.PublishResult;
import app.herald.testsupport.BlueskyStack;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Bluesky connector against Bluesky's own server: the reference PDS (npm {@code @atproto/pds}) with an in-memory
 * PLC directory, started by {@code src/test/node/bluesky/pds.mjs} on loopback over plain http. The fake in
 * {@link BlueskyConnectorTest} agrees with Herald; this one validates every record against the lexicons, names its
 * errors its own way, closes idle connections after its keep-alive time and drops connections that ask for h2c.
 */
class BlueskyReferencePdsTest {

    /** Shorter than Node's 5 s, so that a test can wait until the PDS has closed the idle connection. */
    private static final long KEEP_ALIVE_MILLIS = 300;

    private static BlueskyStack pds;
    private static String endpoint;
    private static BlueskyStack.Account alice;
    private static BlueskyStack.Account bob;

    private final BlueskyConnector connector = new BlueskyConnector(Duration.ofSeconds(20));
    @TempDir
    Path dir;

    @BeforeAll
    static void startThePds() throws Exception {
        pds = BlueskyStack.pdsOnly(KEEP_ALIVE_MILLIS);
        endpoint = pds.pds();
        alice = pds.account("alice");
        bob = pds.account("bob");
    }

    @AfterAll
    static void stopThePds() throws Exception {
        if (pds != null) {
            pds.close();
        }
    }

    private static JsonObject xrpcPost(String method, String token, JsonObject body) throws Exception {
        return pds.post(method, token, body);
    }

    private static JsonObject xrpcGet(String methodAndQuery) throws Exception {
        return pds.get(methodAndQuery, null);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static ChannelAccess channel(BlueskyStack.Account account) {
        return new ChannelAccess(7, endpoint, account.handle(), Map.of("app_password", account.appPassword()));
    }

    private static String rkeyOf(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static JsonObject stored(BlueskyStack.Account account, String uri) throws Exception {
        return xrpcGet("com.atproto.repo.getRecord?repo=" + encode(account.did()) + "&collection=app.bsky.feed.post&rkey="
                + rkeyOf(uri)).getJsonObject("value");
    }

    private static Outgoing post(String text) {
        return new Outgoing(1, "pds-" + UUID.randomUUID(), text);
    }

    @Test
    void signingInNamesTheAccountAndAWrongAppPasswordIsRefusedInThePdssOwnWords() {
        ChannelAccess channel = channel(alice);
        AccountCheck check = connector.whoAmI(channel);

        assertEquals(new AccountCheck.Confirmed("@" + alice.handle()), check);
        assertEquals(alice.did(), channel.renewed().get("did"), "the session the check opened is kept");

        AccountCheck refused = connector.whoAmI(new ChannelAccess(7, endpoint, alice.handle(),
                Map.of("app_password", "aaaa-bbbb-cccc-dddd")));
        AccountCheck.Refused why = assertInstanceOf(AccountCheck.Refused.class, refused);
        assertTrue(why.reason().contains("Invalid identifier or password"), why.reason());
    }

    @Test
    void aPostWithAMentionALinkAndAnImageIsStoredAsTheLexiconsSay() throws Exception {
        // A real PNG: the PDS reads the blob's type from its bytes.
        Path image = Files.write(dir.resolve("dot.png"), Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        String text = "Grüße ✨ an @" + bob.handle() + ": https://herald.example/launch?utm=1.";
        Outgoing outgoing = new Outgoing(1, "pds-" + UUID.randomUUID(), text, null,
                List.of(new OutgoingMedia("dot.png", "image/png", Files.size(image), image, "One red dot")));

        PublishResult result = connector.publish(channel(alice), outgoing);

        PublishResult.Published published = assertInstanceOf(PublishResult.Published.class, result, result::toString);
        assertEquals("at://" + alice.did() + "/app.bsky.feed.post/" + BlueskyConnector.recordKey(outgoing.idempotencyKey()),
                published.networkPostId(), "written under the record key derived from the publication");
        JsonObject record = stored(alice, published.networkPostId());
        assertEquals(text, record.getString("text"));
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        List<JsonObject> facets = record.getJsonArray("facets").getValuesAs(JsonObject.class);
        assertEquals(2, facets.size(), record.toString());
        JsonObject mention = facet(facets, "app.bsky.richtext.facet#mention");
        assertEquals("@" + bob.handle(), slice(utf8, mention));
        assertEquals(bob.did(), mention.getJsonArray("features").getJsonObject(0).getString("did"),
                "the mention points at the DID the PDS resolved");
        JsonObject link = facet(facets, "app.bsky.richtext.facet#link");
        assertEquals("https://herald.example/launch?utm=1", slice(utf8, link), "the full stop is not part of the link");
        assertEquals("https://herald.example/launch?utm=1", link.getJsonArray("features").getJsonObject(0).getString("uri"));
        JsonObject embedded = record.getJsonObject("embed").getJsonArray("images").getJsonObject(0);
        assertEquals("One red dot", embedded.getString("alt"));
        assertEquals("image/png", embedded.getJsonObject("image").getString("mimeType"));
        assertEquals(Files.size(image), embedded.getJsonObject("image").getJsonNumber("size").longValue());
    }

    private static JsonObject facet(List<JsonObject> facets, String type) {
        return facets.stream().filter(f -> type.equals(f.getJsonArray("features").getJsonObject(0).getString("$type")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " in " + facets));
    }

    private static String slice(byte[] utf8, JsonObject facet) {
        JsonObject index = facet.getJsonObject("index");
        return new String(Arrays.copyOfRange(utf8, index.getInt("byteStart"), index.getInt("byteEnd")), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void sendingThePublicationAgainFindsTheFirstCopyInsteadOfMakingASecond(Sending sending) throws Exception {
        Outgoing outgoing = post("Once only " + UUID.randomUUID() + " https://herald.app #launch");
        ChannelAccess channel = channel(alice);

        PublishResult.Published first = assertInstanceOf(PublishResult.Published.class,
                sending.publish(connector, channel, outgoing));
        PublishResult again = sending.publish(connector, channel, outgoing);

        assertEquals(first, again, "the PDS refused the taken record key and the connector found the first copy");
        JsonObject stored = stored(alice, first.networkPostId());
        assertEquals(outgoing.text(), stored.getString("text"));
        assertEquals(2, stored.getJsonArray("facets").size(), "the link and the tag");
        long copies = xrpcGet("com.atproto.repo.listRecords?repo=" + encode(alice.did())
                + "&collection=app.bsky.feed.post&limit=100").getJsonArray("records").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getJsonObject("value").getString("text").equals(outgoing.text())).count();
        assertEquals(1, copies, "the network has the post once");
    }

    @ParameterizedTest
    @EnumSource(Sending.class)
    void anAccessTokenThePdsDoesNotAcceptIsRenewedWithTheRefreshTokenAndThePostGoesOut(Sending sending)
            throws Exception {
        JsonObject session = xrpcPost("com.atproto.server.createSession", null, Json.createObjectBuilder()
                .add("identifier", bob.handle()).add("password", bob.appPassword()).build());
        ChannelAccess channel = new ChannelAccess(7, endpoint, bob.handle(), Map.of("app_password", bob.appPassword(),
                "access_jwt", "not-a-token-the-pds-issued", "refresh_jwt", session.getString("refreshJwt"),
                "did", bob.did()));
        Outgoing outgoing = post("After a refresh " + UUID.randomUUID());

        PublishResult result = sending.publish(connector, channel, outgoing);

        PublishResult.Published published = assertInstanceOf(PublishResult.Published.class, result, result::toString);
        assertEquals(outgoing.text(), stored(bob, published.networkPostId()).getString("text"));
        assertNotEquals("not-a-token-the-pds-issued", channel.renewed().get("access_jwt"), "a new access token is kept");
    }

    @Test
    void lookupFindsWhatWasPublishedAndSaysAbsentForWhatWasNot() {
        ChannelAccess channel = channel(alice);
        Outgoing sent = post("Looked up " + UUID.randomUUID());
        PublishResult published = connector.publish(channel, sent);

        assertEquals(new LookupResult.Found((PublishResult.Published) published), connector.lookup(channel, sent));
        assertEquals(new LookupResult.Absent(), connector.lookup(channel, post("Never sent")));
    }

    @Test
    void aConnectionThePdsClosedWhileIdleIsNotTheReasonTheNextPostFails() throws Exception {
        ChannelAccess channel = channel(alice);
        assertInstanceOf(PublishResult.Published.class, connector.publish(channel, post("Before the pause " + UUID.randomUUID())));

        Thread.sleep(KEEP_ALIVE_MILLIS * 4); // the PDS closes the kept-alive connection meanwhile

        PublishResult after = connector.publish(channel, post("After the pause " + UUID.randomUUID()));
        assertInstanceOf(PublishResult.Published.class, after, after::toString);
    }
}
