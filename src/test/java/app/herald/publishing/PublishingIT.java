package app.herald.publishing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.approval.application.ApprovalPolicies;
import app.herald.approval.domain.ApprovalMode;
import app.herald.content.application.Channels;
import app.herald.content.application.MediaLibrary;
import app.herald.content.application.Posts;
import app.herald.content.domain.Channel;
import app.herald.content.domain.Network;
import app.herald.content.domain.Post;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.WallClock;
import app.herald.publishing.application.ChannelConnections;
import app.herald.publishing.application.ConfirmedConnections;
import app.herald.publishing.application.Publications;
import app.herald.publishing.application.SandboxFeed;
import app.herald.publishing.domain.Publication;
import app.herald.publishing.domain.PublicationState;
import app.herald.publishing.domain.SandboxPost;
import app.herald.publishing.infrastructure.WebhookConnector;
import app.herald.tenancy.application.TenantAdministration;
import app.herald.tenancy.application.TenantProvisioning;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.testsupport.Demo;
import app.herald.testsupport.FakeNetwork.Answer;
import app.herald.testsupport.FakeNetwork;
import app.herald.testsupport.FinishFailure;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.InTenant;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Publishing on the real server, with the real dispatcher ticking: approved posts go out at their time, failures
 * are retried and then shown, a node that died mid-call is taken over by asking the network first, and nothing
 * crosses tenants. Failsafe sets a 1 s retry base and 3 attempts so that the retry story fits in seconds.
 */
@ExtendWith(ArquillianExtension.class)
class PublishingIT {

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(PublishingIT.class, FakeNetwork.class, FinishFailure.class);
    }

    @Inject
    Posts posts;
    @Inject
    Channels channels;
    @Inject
    MediaLibrary media;
    @Inject
    ApprovalPolicies policies;
    @Inject
    Publications publications;
    @Inject
    ChannelConnections connections;
    @Inject
    ConfirmedConnections confirmed;
    @Inject
    SandboxFeed sandbox;
    @Inject
    InTenant inTenant;
    @Inject
    Actors actors;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantRegistry registry;
    @Inject
    TenantAdministration administration;
    @Inject
    FinishFailure finishFailure;
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    private Actor owner() {
        return actors.byEmail(Demo.NORTHWIND_OWNER).orElseThrow();
    }

    /** A fresh client without review, so that submitting approves. */
    private long newClient(Actor owner, String zone) {
        long tenant = provisioning.create(owner, owner.agencyId().orElseThrow(), "Publishing " + UUID.randomUUID(), zone)
                .getId();
        inTenant.call(owner, tenant, () -> { policies.changeMode(owner, ApprovalMode.NONE); return null; });
        return tenant;
    }

    private long channel(Actor owner, long tenant, Network network) {
        String handle = "@" + network.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return inTenant.call(owner, tenant, () -> channels.add(owner, network, handle, "Test " + network).getId());
    }

    private long approvedPost(Actor owner, long tenant, long channel, String text, Instant due) {
        return inTenant.call(owner, tenant, () -> {
            Post post = posts.draft(owner, "Post " + UUID.randomUUID(), text, Set.of(channel));
            posts.schedule(owner, post.getId(), due);
            return posts.submit(owner, post.getId()).getId();
        });
    }

    private Publication publicationOf(Actor owner, long tenant, long postId) {
        List<Publication> found = inTenant.call(owner, tenant, () -> publications.ofPost(postId));
        assertEquals(1, found.size(), "one publication per channel");
        return found.get(0);
    }

    private Publication awaitState(Actor owner, long tenant, long postId, PublicationState wanted,
                                   Set<PublicationState> seen) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(40);
        Publication current = publicationOf(owner, tenant, postId);
        while (current.getState() != wanted && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            current = publicationOf(owner, tenant, postId);
            seen.add(current.getState());
        }
        assertEquals(wanted, current.getState(), "reason: " + current.getReason());
        return current;
    }

    private long jobDueAt(long tenant, long publicationId) throws Exception {
        return single("SELECT due_at FROM job WHERE queue = 'publish' AND tenant_id = ? AND subject_id = ?", tenant, publicationId);
    }

    private long single(String sql, long a, long b) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, a);
            s.setLong(2, b);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "a row for " + a + "/" + b);
                long value = r.getLong(1);
                assertFalse(r.next(), "only one row");
                return value;
            }
        }
    }

    private void execute(String sql, Object... values) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            assertEquals(1, s.executeUpdate(), sql);
        }
    }

    @Test
    void anApprovedPostGoesOutToTheSandboxOnceNeverBeforeItsMillisecond() throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/Berlin");
        long channel = channel(owner, tenant, Network.SANDBOX);
        Instant due = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS).plusMillis(737);
        long postId = approvedPost(owner, tenant, channel, "Fresh beans today", due);

        Publication queued = publicationOf(owner, tenant, postId);
        assertEquals(PublicationState.QUEUED, queued.getState());
        assertEquals(due, queued.getDueAt());
        assertEquals(due.toEpochMilli(), jobDueAt(tenant, queued.getId()), "the queue keeps the millisecond");

        Publication published = awaitState(owner, tenant, postId, PublicationState.PUBLISHED, EnumSet.noneOf(PublicationState.class));
        assertFalse(published.getPublishedAt().orElseThrow().isBefore(due), "never early");
        assertTrue(published.getNetworkUrl().contains("/client/sandbox.xhtml?client=" + tenant + "&channel=" + channel),
                published.getNetworkUrl());
        List<SandboxPost> feed = inTenant.call(owner, tenant, () -> sandbox.feed(channel, 10));
        assertEquals(1, feed.size());
        assertEquals(published.getIdempotencyKey(), feed.get(0).getIdempotencyKey());
        assertEquals(String.valueOf(feed.get(0).getId()), published.getNetworkPostId());
        assertEquals("Fresh beans today", feed.get(0).getText());
    }

    /**
     * The gate keeps how a client stands for a second: deactivating it on this node stops its posts at once, and a
     * deactivation another node made (here written to the database directly) within that second. Reactivated, the
     * post goes out.
     */
    @Test
    void aClientDeactivatedHereOrOnAnotherNodeStopsPublishingWithinASecond() throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/Paris");
        long channel = channel(owner, tenant, Network.SANDBOX);
        String schema = registry.find(tenant).orElseThrow().ref().schema().value();
        long here = publicationOf(owner, tenant, approvedPost(owner, tenant, channel, "Not while away",
                Instant.now().plusSeconds(3))).getId();
        long elsewhere = publicationOf(owner, tenant, approvedPost(owner, tenant, channel, "Not after the other node",
                Instant.now().plusSeconds(12))).getId();
        administration.deactivate(owner, tenant);
        awaitJobWaiting(tenant, here, "is deactivated");
        assertEquals("QUEUED", publicationState(schema, here), "nothing went out");

        administration.reactivate(owner, tenant);
        execute("UPDATE job SET due_at = ? WHERE queue = 'publish' AND tenant_id = ? AND subject_id = ?",
                System.currentTimeMillis(), tenant, here);
        assertEquals("PUBLISHED", awaitPublicationState(schema, here, "PUBLISHED"), "reactivated here: seen at once");
        execute("UPDATE tenant SET state = 'DEACTIVATED' WHERE id = ?", tenant);
        try {
            awaitJobWaiting(tenant, elsewhere, "is deactivated");
            assertEquals("QUEUED", publicationState(schema, elsewhere), "nothing went out");
        } finally {
            execute("UPDATE tenant SET state = 'ACTIVE' WHERE id = ?", tenant);
        }
    }

    private void awaitJobWaiting(long tenant, long publicationId, String because) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        String reason = null;
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "SELECT last_error FROM job WHERE queue = 'publish' AND tenant_id = ? AND subject_id = ?")) {
                s.setLong(1, tenant);
                s.setLong(2, publicationId);
                try (ResultSet r = s.executeQuery()) {
                    reason = r.next() ? r.getString(1) : null;
                }
            }
            if (reason != null && reason.contains(because)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the job of publication " + publicationId + " should wait because the client "
                + because + "; its last error: " + reason);
    }

    private String publicationState(String schema, long publicationId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT state FROM " + schema + ".publication WHERE id = ?")) {
            s.setLong(1, publicationId);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "publication " + publicationId);
                return r.getString(1);
            }
        }
    }

    private String awaitPublicationState(String schema, long publicationId, String wanted) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        String state = publicationState(schema, publicationId);
        while (!wanted.equals(state) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            state = publicationState(schema, publicationId);
        }
        return state;
    }

    @Test
    void aNetworkAnswering500IsRetriedThenFailsWithTheReasonAndRetryPublishes() throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "America/New_York");
        long channel = channel(owner, tenant, Network.WEBHOOK);
        try (FakeNetwork receiver = new FakeNetwork()) {
            AtomicInteger status = new AtomicInteger(500);
            String secret = connectedTo(receiver, owner, tenant, channel, r -> status.get() == 500
                    ? Answer.json(500, "{\"error\":\"under maintenance\"}")
                    : Answer.json(200, "{\"id\":\"intranet-7\",\"url\":\"https://intranet.example/7\"}"));
            long postId = approvedPost(owner, tenant, channel, "Store opening", Instant.now().plusSeconds(1));

            Set<PublicationState> seen = EnumSet.noneOf(PublicationState.class);
            Publication failed = awaitState(owner, tenant, postId, PublicationState.FAILED, seen);
            assertTrue(seen.contains(PublicationState.RETRY_WAIT), "waited to retry first: " + seen);
            assertTrue(failed.getReason().contains("under maintenance"), failed.getReason());
            assertTrue(failed.getReason().contains("tried 3 times"), failed.getReason());
            List<FakeNetwork.Received> attempts = deliveries(receiver, "/hook");
            assertEquals(3, attempts.size());
            attempts.forEach(a -> assertEquals(failed.getIdempotencyKey(), a.header("Idempotency-Key")));
            assertTrue(attempts.get(0).header("X-Herald-Signature").startsWith("sha256="));
            assertFalse(secret.isBlank());

            status.set(200);
            inTenant.call(owner, tenant, () -> publications.retry(owner, failed.getId()));
            Publication published = awaitState(owner, tenant, postId, PublicationState.PUBLISHED, seen);
            assertEquals("intranet-7", published.getNetworkPostId());
            assertEquals("https://intranet.example/7", published.getNetworkUrl());
            assertEquals(4, deliveries(receiver, "/hook").size());
        }
    }

    @Test
    void aChannelConnectsOnlyWithCredentialsTheNetworkConfirmsAndShowsTheAccountItNamed() throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/Berlin");
        long mastodon = channel(owner, tenant, Network.MASTODON);
        long bluesky = channel(owner, tenant, Network.BLUESKY);
        try (FakeNetwork server = new FakeNetwork()) {
            server.on("GET", "/api/v1/accounts/verify_credentials", r -> "Bearer good-token".equals(r.header("Authorization"))
                    ? Answer.json(200, "{\"id\":\"9\",\"acct\":\"acme\"}")
                    : Answer.json(401, "{\"error\":\"The access token is invalid\"}"));
            RuleViolation refused = assertThrows(RuleViolation.class, () -> inTenant.call(owner, tenant,
                    () -> confirmed.connect(owner, mastodon, server.baseUrl(), Map.of("access_token", "abc"))));
            assertTrue(refused.getMessage().startsWith("Mastodon did not accept the sign-in: ")
                    && refused.getMessage().contains("The access token is invalid")
                    && refused.getMessage().endsWith("Nothing was changed."), refused.getMessage());
            Channel untouched = inTenant.call(owner, tenant, () -> channels.find(mastodon));
            assertFalse(untouched.isConnected(), "a refused sign-in connects nothing");
            assertNull(untouched.getEndpoint(), "and stores nothing");

            RuleViolation empty = assertThrows(RuleViolation.class, () -> inTenant.call(owner, tenant,
                    () -> confirmed.connect(owner, bluesky, server.baseUrl(), Map.of("app_password", " "))));
            assertTrue(empty.getMessage().startsWith("Bluesky did not accept the sign-in"), empty.getMessage());
            assertFalse(inTenant.call(owner, tenant, () -> channels.find(bluesky)).isConnected());

            Channel connected = inTenant.call(owner, tenant,
                    () -> confirmed.connect(owner, mastodon, server.baseUrl(), Map.of("access_token", "good-token")));
            assertTrue(connected.isConnected());
            assertEquals("@acme", inTenant.call(owner, tenant, () -> channels.find(mastodon)).getSignedInAs());
        }
    }

    @Test
    void aWebhookInsideHeraldsNetworkIsRefusedWhenTypedAndNeverCalledWhenStored() throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/Berlin");
        long channel = channel(owner, tenant, Network.WEBHOOK);
        try (FakeNetwork inside = new FakeNetwork(java.net.InetAddress.getByName("127.0.0.2"))) {
            inside.on("POST", "/hook", r -> Answer.json(200, "{\"id\":\"reached\"}"));
            for (String url : List.of(inside.baseUrl() + "/hook", "http://169.254.169.254/latest/meta-data/",
                    "http://192.168.1.1/admin")) {
                RuleViolation refused = assertThrows(RuleViolation.class, () -> inTenant.call(owner, tenant,
                        () -> confirmed.newWebhookSecret(owner, channel, url)), url);
                assertEquals("Herald cannot reach that address.", refused.getMessage());
            }
            for (String url : List.of("gopher://example.com/", "file:///etc/passwd")) {
                assertThrows(RuleViolation.class, () -> inTenant.call(owner, tenant,
                        () -> confirmed.newWebhookSecret(owner, channel, url)), url);
            }
            // An address stored before the guard (or changed in the database) is refused when it is called.
            String schema = registry.find(tenant).orElseThrow().ref().schema().value();
            try (FakeNetwork outside = new FakeNetwork()) {
                outside.on("POST", "/x", webhook(r -> Answer.json(200, "{}")));
                inTenant.call(owner, tenant, () -> confirmed.newWebhookSecret(owner, channel, outside.baseUrl() + "/x"));
            }
            execute("UPDATE " + schema + ".channel SET endpoint = ? WHERE id = ?", inside.baseUrl() + "/hook", channel);
            long postId = approvedPost(owner, tenant, channel, "Internal", Instant.now().plusSeconds(1));
            Publication failed = awaitState(owner, tenant, postId, PublicationState.FAILED,
                    EnumSet.noneOf(PublicationState.class));
            assertTrue(failed.getReason().startsWith("Herald cannot reach that address."), failed.getReason());
            assertEquals(0, inside.received().size(), "nothing reached the listener");
        }
    }

    @Test
    void aRateLimitedChannelRestsUntilTheNetworksRetryAfterAndSaysSo() throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/Berlin");
        long channel = channel(owner, tenant, Network.WEBHOOK);
        try (FakeNetwork receiver = new FakeNetwork()) {
            connectedTo(receiver, owner, tenant, channel, r -> Answer.json(429, "{\"error\":\"slow down\"}")
                    .withHeader("Retry-After", "120"));
            long first = approvedPost(owner, tenant, channel, "First", Instant.now());
            Publication waiting = awaitState(owner, tenant, first, PublicationState.RETRY_WAIT, EnumSet.noneOf(PublicationState.class));
            assertFalse(waiting.getNextAttemptAt().orElseThrow().isBefore(Instant.now().plusSeconds(100)), "Retry-After honoured");
            Instant limit = inTenant.call(owner, tenant, () -> channels.find(channel).getRateLimitedUntil());
            assertTrue(limit != null && limit.isAfter(Instant.now().plusSeconds(100)), "the channel shows its rate limit");

            long second = approvedPost(owner, tenant, channel, "Second", Instant.now());
            Publication held = awaitState(owner, tenant, second, PublicationState.RETRY_WAIT, EnumSet.noneOf(PublicationState.class));
            assertEquals(0, held.getAttempts(), "waited without trying");
            assertTrue(held.getReason().contains("rate limited"), held.getReason());
            assertEquals(1, deliveries(receiver, "/hook").size(), "nothing more was sent during the limit");
        }
    }

    /** A post's images go out with it in the order they were attached (read with the variant, in one query). */
    @Test
    void aPostsImagesGoOutWithItInTheOrderTheyWereAttached() throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/Lisbon");
        long channel = channel(owner, tenant, Network.WEBHOOK);
        try (FakeNetwork receiver = new FakeNetwork()) {
            connectedTo(receiver, owner, tenant, channel, r -> Answer.json(200, "{\"id\":\"with-images\"}"));
            long first = image(owner, tenant, "first.png", 40);
            long second = image(owner, tenant, "second.png", 41);
            long postId = inTenant.call(owner, tenant, () -> {
                Post post = posts.draft(owner, "Post " + UUID.randomUUID(), "Two pictures", Set.of(channel));
                posts.attachMedia(owner, post.getId(), Map.of(channel, List.of(second, first)));
                posts.schedule(owner, post.getId(), Instant.now().plusSeconds(1));
                return posts.submit(owner, post.getId()).getId();
            });

            awaitState(owner, tenant, postId, PublicationState.PUBLISHED, EnumSet.noneOf(PublicationState.class));
            List<FakeNetwork.Received> sent = deliveries(receiver, "/hook");
            assertEquals(1, sent.size());
            jakarta.json.JsonObject payload = jakarta.json.Json.createReader(new java.io.ByteArrayInputStream(
                    sent.get(0).body())).readObject();
            assertEquals(List.of("second.png", "first.png"), payload.getJsonArray("media").stream()
                    .map(m -> m.asJsonObject().getString("fileName")).toList());
            assertEquals("Two pictures", payload.getString("text"));
        }
    }

    /** An image of its own width: the library keeps one file per content. */
    private long image(Actor owner, long tenant, String name, int width) throws java.io.IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(width, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", png);
        return inTenant.call(owner, tenant, () -> media.upload(owner, name,
                new java.io.ByteArrayInputStream(png.toByteArray())).getId());
    }

    /**
     * The webhook channel connected to the receiver's {@code /hook}, which answers posts with {@code answer}: the
     * channel's secret.
     */
    private String connectedTo(FakeNetwork receiver, Actor owner, long tenant, long channel,
                               java.util.function.Function<FakeNetwork.Received, Answer> answer) {
        receiver.on("POST", "/hook", webhook(answer));
        return inTenant.call(owner, tenant, () -> confirmed.newWebhookSecret(owner, channel,
                receiver.baseUrl() + "/hook"));
    }

    /** A webhook receiver's route: a connection's signed test delivery is accepted, everything else answered by then. */
    private static java.util.function.Function<FakeNetwork.Received, Answer> webhook(
            java.util.function.Function<FakeNetwork.Received, Answer> then) {
        return r -> WebhookConnector.TEST_EVENT.equals(r.header("X-Herald-Event")) ? Answer.json(200, "{}") : then.apply(r);
    }

    /** The posts a receiver got, without the connection's test delivery. */
    private static List<FakeNetwork.Received> deliveries(FakeNetwork receiver, String path) {
        return receiver.received("POST", path).stream()
                .filter(r -> !WebhookConnector.TEST_EVENT.equals(r.header("X-Herald-Event"))).toList();
    }

    /**
     * Where a publication stands. Its state is read last: PUBLISHED is never left again, so a state read as not yet
     * published was not published when the measurements and the audit entry were counted either.
     */
    private record Standing(PublicationState state, String jobState, long measurements, long audited) {
    }

    private Standing standing(Actor owner, long tenant, long postId) throws Exception {
        Publication publication = publicationOf(owner, tenant, postId);
        String schema = registry.find(tenant).orElseThrow().ref().schema().value();
        String jobState;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT state FROM job WHERE queue = 'publish' AND tenant_id = ? AND subject_id = ?")) {
            s.setLong(1, tenant);
            s.setLong(2, publication.getId());
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                jobState = r.getString(1);
            }
        }
        long measurements = single("SELECT COUNT(*) FROM job WHERE queue = 'analytics' AND kind = 'POST' AND "
                + "tenant_id = ? AND subject_id = ?", tenant, publication.getId());
        long audited;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM "
                + schema + ".audit_entry WHERE action = 'PUBLICATION_PUBLISHED' AND subject = ?")) {
            s.setString(1, "post " + postId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                audited = r.getLong(1);
            }
        }
        PublicationState state = publicationOf(owner, tenant, postId).getState();
        return new Standing(state, jobState, measurements, audited);
    }

    /**
     * Breaks the step that records a sent post's outcome, then watches until the retry published it: at no moment is
     * the publication PUBLISHED while its job is unfinished, its measurements unplanned or its audit entry missing,
     * and the network has the post once.
     */
    private void failureWhileRecording(FinishFailure.Where where) throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/Berlin");
        long channel = channel(owner, tenant, Network.SANDBOX);
        long postId = inTenant.call(owner, tenant, () -> {
            Post post = posts.draft(owner, "Post " + UUID.randomUUID(), "Injected " + where, Set.of(channel));
            posts.schedule(owner, post.getId(), Instant.now().plusSeconds(2));
            return post.getId();
        });
        // Twice: the round of its own that records it, then its entity, each rolled back; the job's retry records it.
        finishFailure.arm(tenant, postId, where, 2);
        inTenant.call(owner, tenant, () -> posts.submit(owner, postId));
        Instant deadline = Instant.now().plusSeconds(40);
        Standing now = standing(owner, tenant, postId);
        boolean sawTheFailureLeaveItUnpublished = false;
        while (now.state() != PublicationState.PUBLISHED && Instant.now().isBefore(deadline)) {
            if (finishFailure.fired(tenant, postId) == 2) {
                sawTheFailureLeaveItUnpublished = true;
                assertEquals(0, now.measurements(), "no measurement planned for a post not recorded as published");
                assertEquals(0, now.audited(), "no audit entry for it either");
            }
            Thread.sleep(20);
            now = standing(owner, tenant, postId);
        }
        now = standing(owner, tenant, postId); // the rest was read before the state that ended the loop
        assertEquals(PublicationState.PUBLISHED, now.state(), "the retry published it");
        assertEquals(2, finishFailure.fired(tenant, postId), "the failure was injected twice");
        assertTrue(sawTheFailureLeaveItUnpublished, "the injected failure left it unpublished for a while");
        assertEquals("DONE", now.jobState(), "a published post's job is done");
        assertEquals(1, now.measurements(), "its measurements are planned");
        assertEquals(1, now.audited(), "it is audited once");
        assertEquals(1, inTenant.call(owner, tenant, () -> sandbox.feed(channel, 10)).size(),
                "the network has it once: the retry asked before sending again");
    }

    /**
     * On MariaDB, read the server's general query log while a post goes out: each of its two steps (starting to send:
     * the job's claim checked and the publication marked; recording: the publication, its job, its measurements, its
     * audit entry) runs on one connection between that connection's "SET autocommit=0" and its COMMIT, and nothing
     * else writes to the tenant's schema meanwhile.
     */
    @Test
    void onMariaDbAPublishedPostIsRecordedOnOneConnectionInOneTransaction() throws Exception {
        if (!"mysql".equals(System.getenv("HERALD_IT_DATABASE"))) {
            // H2 has no general query log; JobsIT's connection-id test covers it. (Arquillian reports an assumption
            // that fails inside the server as an error, not as skipped.)
            return;
        }
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/Berlin");
        long channel = channel(owner, tenant, Network.SANDBOX);
        String schema = registry.find(tenant).orElseThrow().ref().schema().value();
        long[] publishJob = new long[1];
        List<String[]> log = generalLog(() -> {
            long postId = approvedPost(owner, tenant, channel, "Logged", Instant.now().plusSeconds(1));
            awaitState(owner, tenant, postId, PublicationState.PUBLISHED, EnumSet.noneOf(PublicationState.class));
            publishJob[0] = single("SELECT id FROM job WHERE queue = 'publish' AND tenant_id = ? AND subject_id = ?",
                    tenant, publicationOf(owner, tenant, postId).getId());
            // The engine's own write, were it to make one, follows the recording's commit.
            Thread.sleep(500);
            return null;
        });
        String begun = String.join("\n", oneTransaction(log, schema, "'PUBLISHING'"));
        assertTrue(begun.contains("UPDATE job SET updated_at") && begun.contains("claim_token"),
                "the step that starts sending checks the job's claim in the same transaction:\n" + begun);
        List<String> reads = begun.lines().filter(line -> line.regionMatches(true, 0, "SELECT", 0, 6)).toList();
        assertEquals(1, reads.size(), "it reads once, the publication with its channel, its copy and its post, as a "
                + "round of its own (ADR 0034):\n" + begun);
        assertTrue(java.util.stream.Stream.of("publication p", "channel c", "variant v", "post o", "variant_media a")
                .allMatch(table -> reads.get(0).contains(schema + "." + table)), begun);
        String recorded = String.join("\n", oneTransaction(log, schema, "'PUBLISHED'"));
        assertTrue(recorded.contains("UPDATE job SET state = 'DONE'") && recorded.contains("claim_token"),
                "the job is finished, fenced by its token, in the same transaction:\n" + recorded);
        assertTrue(recorded.contains("INSERT INTO job") && recorded.contains("'analytics'"),
                "measurements are planned in it:\n" + recorded);
        assertTrue(recorded.contains("INSERT INTO " + schema + ".audit_entry"),
                "the audit entry is written in it:\n" + recorded);
        String finishing = "UPDATE job SET state = 'DONE'";
        long finishes = log.stream().filter(line -> line[1].startsWith(finishing)
                && (line[1].contains("WHERE id = " + publishJob[0] + " ")
                || line[1].contains("WHERE id IN (" + publishJob[0] + ")"))).count();
        assertEquals(1, finishes, "the job is finished once: the engine writes nothing more after the recording");
    }

    /**
     * On MariaDB: posts of two clients due at one instant are started in rounds that may take several clients' (ADR
     * 0034), and the answers that put them on the network are recorded in such rounds too (ADR 0033). The server's
     * general log shows a transaction that marks publications of both clients as being sent and one that records
     * several as published; a transaction that touches two clients' schemas holds only the rounds' plain statements,
     * each qualified by the schema of publications of that client's own. A post with a link to track is started
     * through its entity instead; whichever way a publication was started and recorded, its row, its audit entry and
     * its planned measurement read the same; each post reached the Sandbox once.
     */
    @Test
    void onMariaDbPostsDueTogetherShareTransactionsAndARoundAcrossClientsWritesEachInItsOwnSchema() throws Exception {
        if (!"mysql".equals(System.getenv("HERALD_IT_DATABASE"))) {
            return;
        }
        Actor owner = owner();
        Map<Long, Long> channelOf = new java.util.LinkedHashMap<>();
        List<long[]> posts = new java.util.ArrayList<>();
        List<String[]> log = generalLog(() -> {
            Instant due = Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.SECONDS);
            for (int client = 0; client < 2; client++) {
                long tenant = newClient(owner, "Europe/Berlin");
                long channel = channel(owner, tenant, Network.SANDBOX);
                channelOf.put(tenant, channel);
                for (int i = 0; i < 30; i++) {
                    String text = "Together " + i + (i % 10 == 0 ? " https://herald.test/launch" : "");
                    posts.add(new long[] {tenant, approvedPost(owner, tenant, channel, text, due)});
                }
            }
            assertTrue(Instant.now().isBefore(due), "the posts were made before they fell due");
            for (long[] post : posts) {
                awaitState(owner, post[0], post[1], PublicationState.PUBLISHED, EnumSet.noneOf(PublicationState.class));
            }
            return null;
        });

        Map<String, Set<String>> publicationIds = new java.util.LinkedHashMap<>();
        for (long tenant : channelOf.keySet()) {
            Set<String> ids = new java.util.HashSet<>();
            for (long[] post : posts) {
                if (post[0] == tenant) {
                    ids.add(String.valueOf(publicationOf(owner, tenant, post[1]).getId()));
                }
            }
            publicationIds.put(registry.find(tenant).orElseThrow().ref().schema().value(), ids);
        }
        List<String> schemas = List.copyOf(publicationIds.keySet());
        List<List<String>> transactions = transactions(log);
        assertTrue(transactions.stream().anyMatch(t -> marked(t, schemas.get(0), "'PUBLISHING'") > 0
                && marked(t, schemas.get(1), "'PUBLISHING'") > 0), "a transaction started both clients' publications");
        List<String> starts = log.stream().map(line -> line[1]).filter(statement -> schemas.stream()
                .anyMatch(schema -> sets(statement, schema, "'PUBLISHING'"))).toList();
        assertTrue(starts.stream().anyMatch(statement -> statement.contains("attempts = attempts + 1"))
                && starts.stream().anyMatch(statement -> !statement.contains("attempts = attempts + 1")),
                "publications were started in rounds, those with a link through their entities: " + starts);
        assertTrue(transactions.stream().anyMatch(t -> marked(t, schemas.get(0), "'PUBLISHED'")
                + marked(t, schemas.get(1), "'PUBLISHED'") > 1), "a transaction recorded several publications");
        assertTrue(transactions.stream().anyMatch(t -> t.stream().anyMatch(statement -> statement.contains(
                "version = version + 1"))), "a round recorded publications");
        for (List<String> transaction : transactions) {
            boolean both = schemas.stream().allMatch(schema -> transaction.stream()
                    .anyMatch(statement -> statement.contains(schema + ".")));
            if (!both) {
                continue;
            }
            for (String statement : transaction) {
                for (String schema : schemas) {
                    if (!statement.contains(schema + ".")) {
                        continue;
                    }
                    boolean reading = statement.startsWith("SELECT p.id, p.post_id, p.version, p.state, ")
                            && statement.contains(" FROM " + schema + ".publication p JOIN " + schema + ".channel c ");
                    assertTrue(reading || statement.startsWith("INSERT INTO " + schema + ".audit_entry ")
                            || statement.startsWith("INSERT INTO " + schema + ".post_performance ")
                            || statement.startsWith("UPDATE " + schema + ".publication SET state = 'PUBLISHED'")
                            || statement.startsWith("UPDATE " + schema + ".publication SET state = 'PUBLISHING'"),
                            "a transaction across clients holds only the rounds' statements: " + statement);
                    java.util.regex.Matcher id = java.util.regex.Pattern.compile(reading
                            ? "WHERE p\\.id IN \\(([\\d, ]+)\\)$" : "WHERE id = (\\d+) ").matcher(statement);
                    if (reading || statement.startsWith("UPDATE ")) {
                        assertTrue(id.find() && java.util.Arrays.stream(id.group(1).split(", "))
                                .allMatch(publicationIds.get(schema)::contains),
                                "only publications of the schema's own client: " + statement);
                    }
                }
            }
        }
        channelOf.forEach((tenant, channel) -> assertEquals(30,
                inTenant.call(owner, tenant, () -> sandbox.feed(channel, 50)).size(), "each post reached it once"));
        for (String schema : schemas) {
            recordedAlike(schema, publicationIds.get(schema));
        }
    }

    /**
     * The client's publications, started and recorded alone or in a round, read the same: published once each, on
     * one attempt with none planned, the same number of changes, no reason, the instant both as published and as
     * last changed; one audit entry each in one wording that names the network's address; one performance row each.
     */
    private void recordedAlike(String schema, Set<String> publicationIds) throws Exception {
        Map<String, String> urls = new java.util.HashMap<>();
        Set<Integer> versions = new java.util.HashSet<>();
        try (Connection c = dataSource.getConnection(); java.sql.Statement sql = c.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT p.id, p.state, p.version, p.reason, p.network_post_id, "
                    + "p.network_url, p.published_at, p.updated_at, p.post_id, p.attempts, p.next_attempt_at FROM "
                    + schema + ".publication p")) {
                while (rows.next()) {
                    assertTrue(publicationIds.contains(rows.getString(1)), "only the test's publications");
                    assertEquals("PUBLISHED", rows.getString(2));
                    versions.add(rows.getInt(3));
                    assertNull(rows.getString(4), "no reason");
                    assertTrue(rows.getString(5) != null && rows.getString(6) != null, "the network's id and address");
                    assertEquals(rows.getLong(7), rows.getLong(8), "published when last changed");
                    urls.put("post " + rows.getLong(9), rows.getString(6));
                    assertEquals(1, rows.getInt(10), "one attempt");
                    assertNull(rows.getObject(11), "no attempt planned");
                }
            }
            assertEquals(publicationIds.size(), urls.size());
            assertEquals(1, versions.size(), "every publication changed as often, however recorded: " + versions);
            Set<String> wordings = new java.util.HashSet<>();
            int entries = 0;
            try (ResultSet rows = sql.executeQuery("SELECT subject, detail, actor FROM " + schema
                    + ".audit_entry WHERE action = 'PUBLICATION_PUBLISHED'")) {
                while (rows.next()) {
                    entries++;
                    String url = urls.get(rows.getString(1));
                    assertTrue(url != null && rows.getString(2).endsWith(" " + url), rows.getString(2));
                    wordings.add(rows.getString(2).substring(0, rows.getString(2).length() - url.length())
                            + "|" + rows.getString(3));
                }
            }
            assertEquals(publicationIds.size(), entries, "one audit entry per publication");
            assertEquals(1, wordings.size(), "in one wording: " + wordings);
            try (ResultSet rows = sql.executeQuery("SELECT COUNT(DISTINCT publication_id) FROM " + schema
                    + ".post_performance")) {
                rows.next();
                assertEquals(publicationIds.size(), rows.getInt(1), "a performance row each");
            }
        }
    }

    /** How many publications of the schema the transaction updated to {@code state}. */
    private static long marked(List<String> transaction, String schema, String state) {
        return transaction.stream().filter(statement -> sets(statement, schema, state)).count();
    }

    /**
     * Whether the statement updates a publication of the schema to {@code state}: in its SET, not its WHERE, and
     * whatever the case of the column's name (EclipseLink writes a name it made up in capitals).
     */
    private static boolean sets(String statement, String schema, String state) {
        int where = statement.indexOf(" WHERE ");
        return statement.startsWith("UPDATE " + schema + ".publication SET")
                && (where < 0 ? statement : statement.substring(0, where)).toLowerCase(java.util.Locale.ROOT)
                .contains("state = " + state.toLowerCase(java.util.Locale.ROOT));
    }

    /** Each connection's transactions in the log: the statements from its "SET autocommit=0" to its COMMIT. */
    private static List<List<String>> transactions(List<String[]> log) {
        Map<String, List<String>> open = new java.util.HashMap<>();
        List<List<String>> committed = new java.util.ArrayList<>();
        for (String[] line : log) {
            if (line[1].equalsIgnoreCase("SET autocommit=0")) {
                open.put(line[0], new java.util.ArrayList<>());
            } else if (line[1].equalsIgnoreCase("COMMIT") && open.containsKey(line[0])) {
                committed.add(open.remove(line[0]));
            } else if (open.containsKey(line[0])) {
                open.get(line[0]).add(line[1]);
            }
        }
        return committed;
    }

    /**
     * The server's general log ({thread id, statement} in its order) while {@code work} runs. The server's own log
     * output is put back afterwards, so that a developer's server is left as it was found.
     */
    private static List<String[]> generalLog(java.util.concurrent.Callable<?> work) throws Exception {
        com.mysql.cj.jdbc.MysqlDataSource server = new com.mysql.cj.jdbc.MysqlDataSource();
        server.setURL(System.getenv("HERALD_IT_MYSQL_ADMIN_URL"));
        List<String[]> log = new java.util.ArrayList<>();
        try (Connection admin = server.getConnection(); java.sql.Statement sql = admin.createStatement()) {
            String output;
            try (ResultSet was = sql.executeQuery("SELECT @@GLOBAL.log_output")) {
                was.next();
                output = was.getString(1);
            }
            sql.execute("SET GLOBAL log_output = 'TABLE'");
            try {
                sql.execute("TRUNCATE TABLE mysql.general_log");
                sql.execute("SET GLOBAL general_log = 1");
                try {
                    work.call();
                } finally {
                    sql.execute("SET GLOBAL general_log = 0");
                }
                try (ResultSet rows = sql.executeQuery("SELECT thread_id, argument FROM mysql.general_log "
                        + "WHERE command_type IN ('Query', 'Execute')")) {
                    while (rows.next()) {
                        log.add(new String[] {rows.getString(1), rows.getString(2)});
                    }
                }
                sql.execute("TRUNCATE TABLE mysql.general_log");
            } finally {
                try (java.sql.PreparedStatement restore = admin.prepareStatement("SET GLOBAL log_output = ?")) {
                    restore.setString(1, output);
                    restore.execute();
                }
            }
        }
        return log;
    }

    /**
     * The statements of the transaction in which the publication was updated to {@code state}, read from the general
     * log ({thread id, statement} in the server's order): asserts they lie between that connection's "SET
     * autocommit=0" and its COMMIT and that no other connection wrote to the tenant's schema meanwhile.
     */
    private static List<String> oneTransaction(List<String[]> log, String schema, String state) {
        int update = -1;
        for (int i = 0; i < log.size(); i++) {
            if (sets(log.get(i)[1], schema, state)) {
                update = i;
            }
        }
        assertTrue(update >= 0, "the log shows the publication updated to " + state);
        String thread = log.get(update)[0];
        int begin = update;
        while (begin > 0 && !(log.get(begin)[0].equals(thread) && log.get(begin)[1].equalsIgnoreCase("SET autocommit=0"))) {
            begin--;
        }
        int end = update;
        while (end < log.size() - 1 && !(log.get(end)[0].equals(thread) && log.get(end)[1].equalsIgnoreCase("COMMIT"))) {
            end++;
        }
        assertTrue(log.get(begin)[1].equalsIgnoreCase("SET autocommit=0"), "the step opens a transaction");
        assertTrue(log.get(end)[1].equalsIgnoreCase("COMMIT"), "and commits it");
        List<String> statements = new java.util.ArrayList<>();
        for (int i = begin; i <= end; i++) {
            String[] line = log.get(i);
            if (line[0].equals(thread)) {
                statements.add(line[1]);
            } else {
                assertFalse(line[1].matches("(?is)^\\s*(INSERT|UPDATE|DELETE).*") && line[1].contains(schema + "."),
                        "no write to the tenant's schema on connection " + line[0] + " while connection " + thread
                                + " works on the publication: " + line[1]);
            }
        }
        return statements;
    }

    @Test
    void aFailureMidwayThroughRecordingAPublishedPostLeavesNothingHalfDone() throws Exception {
        failureWhileRecording(FinishFailure.Where.MIDWAY);
    }

    @Test
    void aFailureAtTheCommitOfAPublishedPostLeavesNothingHalfDone() throws Exception {
        failureWhileRecording(FinishFailure.Where.AT_COMMIT);
    }

    /** Leaves the publication as a node that died mid-call would: PUBLISHING, its job claimed with a lapsed lease. */
    private void killNodeDuring(long tenant, long publicationId) throws Exception {
        String schema = registry.find(tenant).orElseThrow().ref().schema().value();
        execute("UPDATE " + schema + ".publication SET state = 'PUBLISHING', attempts = 1 WHERE id = ?", publicationId);
        long past = System.currentTimeMillis() - 1_000;
        execute("UPDATE job SET state = 'CLAIMED', claim_token = 'dead-node-attempt', claimed_by = 'dead-node', "
                + "claimed_until = ?, due_at = ? WHERE queue = 'publish' AND tenant_id = ? AND subject_id = ?", past, past,
                tenant, publicationId);
    }

    @Test
    void aNodeThatDiedAfterTheNetworkTookThePostIsTakenOverWithoutSendingAgain() throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/London");
        long channel = channel(owner, tenant, Network.SANDBOX);
        long postId = approvedPost(owner, tenant, channel, "Sent just before the crash", Instant.now().plus(Duration.ofDays(1)));
        Publication p = publicationOf(owner, tenant, postId);
        // The network took the post, then the node died before recording it.
        SandboxPost arrived = inTenant.call(owner, tenant, () -> sandbox.post(channel, p.getIdempotencyKey(),
                "Sent just before the crash", 0, null));
        killNodeDuring(tenant, p.getId());

        Publication published = awaitState(owner, tenant, postId, PublicationState.PUBLISHED, EnumSet.noneOf(PublicationState.class));
        assertEquals(String.valueOf(arrived.getId()), published.getNetworkPostId(), "found by lookup");
        assertEquals(1, inTenant.call(owner, tenant, () -> sandbox.feed(channel, 10)).size(), "not sent twice");
        assertEquals(2, published.getAttempts());
    }

    @Test
    void aNodeThatDiedBeforeTheNetworkTookThePostIsTakenOverAndSendsItOnce() throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/London");
        long channel = channel(owner, tenant, Network.SANDBOX);
        long postId = approvedPost(owner, tenant, channel, "Crash before sending", Instant.now().plus(Duration.ofDays(1)));
        Publication p = publicationOf(owner, tenant, postId);
        killNodeDuring(tenant, p.getId());

        Publication published = awaitState(owner, tenant, postId, PublicationState.PUBLISHED, EnumSet.noneOf(PublicationState.class));
        List<SandboxPost> feed = inTenant.call(owner, tenant, () -> sandbox.feed(channel, 10));
        assertEquals(1, feed.size());
        assertEquals(String.valueOf(feed.get(0).getId()), published.getNetworkPostId());
    }

    @Test
    void postsInTheSkippedAndTheRepeatedHourAreDueAtTheDocumentedInstant() throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/Berlin");
        long channel = channel(owner, tenant, Network.SANDBOX);
        var zone = registry.find(tenant).orElseThrow().ref().zone();
        Instant skipped = WallClock.instantOf(LocalDateTime.parse("2027-03-28T02:30"), zone);
        Instant repeated = WallClock.instantOf(LocalDateTime.parse("2027-10-31T02:30"), zone);
        assertEquals(Instant.parse("2027-03-28T01:30:00Z"), skipped);
        assertEquals(Instant.parse("2027-10-31T00:30:00Z"), repeated);
        for (Instant due : List.of(skipped, repeated)) {
            long postId = approvedPost(owner, tenant, channel, "DST " + due, due);
            Publication p = publicationOf(owner, tenant, postId);
            assertEquals(due, p.getDueAt());
            assertEquals(due.toEpochMilli(), jobDueAt(tenant, p.getId()), "exactly one job, at the documented instant");
        }
    }

    @Test
    void movingAnApprovedPostMovesItsPublicationAndUnapprovingCancelsIt() throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/Berlin");
        long channel = channel(owner, tenant, Network.SANDBOX);
        Instant first = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MINUTES);
        long postId = approvedPost(owner, tenant, channel, "Moves around", first);
        Instant later = first.plus(Duration.ofHours(5));
        inTenant.call(owner, tenant, () -> posts.schedule(owner, postId, later));
        Publication moved = publicationOf(owner, tenant, postId);
        assertEquals(later, moved.getDueAt());
        assertEquals(later.toEpochMilli(), jobDueAt(tenant, moved.getId()));

        inTenant.call(owner, tenant, () -> posts.schedule(owner, postId, null));
        assertEquals(PublicationState.CANCELLED, publicationOf(owner, tenant, postId).getState());
        assertEquals(1, single("SELECT COUNT(*) FROM job WHERE queue = 'publish' AND tenant_id = ? AND subject_id = ? AND state = 'DONE'",
                tenant, moved.getId()));
    }

    @Test
    void aChannelThatIsNotConnectedFailsWithAReasonAndNothingIsSent() throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/Berlin");
        long channel = channel(owner, tenant, Network.MASTODON);
        long postId = approvedPost(owner, tenant, channel, "Nowhere to go", Instant.now());
        Publication failed = awaitState(owner, tenant, postId, PublicationState.FAILED, EnumSet.noneOf(PublicationState.class));
        assertTrue(failed.getReason().contains("is not connected"), failed.getReason());
        assertTrue(inTenant.call(owner, tenant, () -> publications.needingAttention()).stream()
                .anyMatch(p -> p.getId().equals(failed.getId())), "listed as needing attention");
    }

    @Test
    void anotherTenantsPublicationsChannelsAndCredentialsAreOutOfReach() throws Exception {
        Actor owner = owner();
        long tenant = newClient(owner, "Europe/Berlin");
        long channel = channel(owner, tenant, Network.WEBHOOK);
        FakeNetwork receiver = new FakeNetwork();
        receiver.on("POST", "/a", webhook(r -> Answer.json(200, "{}"))).on("POST", "/b", webhook(r -> Answer.json(200, "{}")));
        inTenant.call(owner, tenant, () -> confirmed.newWebhookSecret(owner, channel, receiver.baseUrl() + "/a"));
        long postId = approvedPost(owner, tenant, channel, "Ours", Instant.now().plus(Duration.ofDays(3)));
        Publication ours = publicationOf(owner, tenant, postId);

        Actor southwind = actors.byEmail(Demo.SOUTHWIND_OWNER).orElseThrow();
        assertThrows(AccessDenied.class, () -> inTenant.call(southwind, tenant, () -> publications.ofPost(postId)));
        long theirs = provisioning.create(southwind, southwind.agencyId().orElseThrow(), "Other " + UUID.randomUUID(),
                "Europe/Berlin").getId();
        assertThrows(AccessDenied.class, () -> inTenant.call(southwind, theirs, () -> publications.retry(southwind, ours.getId())));
        assertThrows(AccessDenied.class, () -> inTenant.call(southwind, theirs, () -> publications.cancel(southwind, ours.getId())));
        assertThrows(RuleViolation.class, () -> inTenant.call(southwind, theirs,
                () -> confirmed.connect(southwind, channel, "https://evil.example", java.util.Map.of("access_token", "x"))));
        assertEquals(PublicationState.QUEUED, publicationOf(owner, tenant, postId).getState(), "untouched");

        // Sealed credentials copied into another tenant's channel do not open there: that channel fails to publish.
        long theirChannel = channel(southwind, theirs, Network.WEBHOOK);
        inTenant.call(southwind, theirs, () -> confirmed.newWebhookSecret(southwind, theirChannel, receiver.baseUrl() + "/b"));
        receiver.close();
        String ourSchema = registry.find(tenant).orElseThrow().ref().schema().value();
        String theirSchema = registry.find(theirs).orElseThrow().ref().schema().value();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE " + theirSchema
                + ".channel SET credentials = (SELECT credentials FROM " + ourSchema + ".channel WHERE id = ?) WHERE id = ?")) {
            s.setLong(1, channel);
            s.setLong(2, theirChannel);
            assertEquals(1, s.executeUpdate());
        }
        inTenant.call(southwind, theirs, () -> { policies.changeMode(southwind, ApprovalMode.NONE); return null; });
        long theirPost = approvedPost(southwind, theirs, theirChannel, "Forged", Instant.now());
        Publication forged = awaitState(southwind, theirs, theirPost, PublicationState.FAILED, EnumSet.noneOf(PublicationState.class));
        assertTrue(forged.getReason().contains("cannot be read"), forged.getReason());
    }
}
