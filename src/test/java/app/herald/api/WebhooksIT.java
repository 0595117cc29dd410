package app.herald.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.api.application.WebhookEndpoints;
import app.herald.api.application.WebhookInspector;
import app.herald.api.domain.WebhookDelivery;
import app.herald.api.domain.WebhookEndpoint;
import app.herald.api.domain.WebhookEvent;
import app.herald.api.domain.WebhookInspection;
import app.herald.approval.application.ApprovalPolicies;
import app.herald.approval.domain.ApprovalMode;
import app.herald.content.application.Channels;
import app.herald.content.application.Posts;
import app.herald.content.domain.Network;
import app.herald.content.domain.Post;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.Role;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.net.OutboundRefused;
import app.herald.publishing.application.Publications;
import app.herald.publishing.domain.Publication;
import app.herald.tenancy.application.TenantProvisioning;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.InTenant;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound webhooks on the real server, to a receiver on loopback that checks every signature with its own HMAC code
 * (not Herald's): a change announced once to each endpoint that wants it, a failing receiver asked again, a receiver
 * that is gone left alone, and no agency reaching another's endpoints.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(WebhooksIT.class);
    }

    @Inject
    WebhookEndpoints endpoints;
    @Inject
    Actors actors;
    @Inject
    TenantRegistry registry;
    @Inject
    InTenant inTenant;
    @Inject
    Posts posts;
    @Inject
    Channels channels;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    ApprovalPolicies policies;
    @Inject
    Publications publications;
    @ArquillianResource
    URL base;

    /** What the receiver got: the headers that matter, the body, and whether the signature checked out. */
    record Received(String id, String timestamp, String signature, String body, boolean signed) {
        JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }
    }

    /** A loopback receiver; answers with the queued statuses, then 200. */
    static final class Receiver implements AutoCloseable {
        final List<Received> received = new CopyOnWriteArrayList<>();
        final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
        volatile String secret;
        private final HttpServer server;

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", this::take);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        private void take(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            received.add(new Received(id, timestamp, signature, body, verifies(id, timestamp, signature, body)));
            Integer status = answers.poll();
            byte[] answer = ("status " + (status == null ? 200 : status)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        }

        /** The receiver's own check, written from the spec: any listed v1 signature of id.timestamp.body. */
        private boolean verifies(String id, String timestamp, String header, String body) {
            if (id == null || timestamp == null || header == null || secret == null) {
                return false;
            }
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                        "HmacSHA256"));
                byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                for (String part : header.split(" ")) {
                    if (part.startsWith("v1,") && MessageDigest.isEqual(expected,
                            Base64.getDecoder().decode(part.substring(3)))) {
                        return Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 300;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        }

        List<Received> of(String type) {
            return received.stream().filter(r -> r.json().getString("type").equals(type)).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private Actor actor(String email) {
        return actors.byEmail(email).orElseThrow();
    }

    private long tenant(String name) {
        return registry.all().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow().getId();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(45));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("Waited 45 s for " + what);
            }
            Thread.sleep(100);
        }
    }

    private WebhookDelivery.State stateOf(Actor owner, long endpointId, String messageId) {
        return endpoints.deliveries(owner, endpointId, 50).stream().filter(d -> d.getMessageId().equals(messageId))
                .findFirst().orElseThrow().getState();
    }

    @Test
    void aChangeIsAnnouncedOnceToEachEndpointThatWantsItSignedAsTheSpecSays() throws Exception {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        Actor editor = actor(Demo.NORTHWIND_EDITOR);
        long acme = tenant(Demo.ACME);
        long globex = tenant(Demo.GLOBEX);
        try (Receiver everything = new Receiver(); Receiver globexOnly = new Receiver()) {
            WebhookEndpoints.WithSecret all = endpoints.add(owner, everything.url(),
                    List.of(WebhookEvent.POST_SUBMITTED, WebhookEvent.POST_APPROVED), null);
            everything.secret = all.secret();
            WebhookEndpoints.WithSecret other = endpoints.add(owner, globexOnly.url(),
                    List.of(WebhookEvent.POST_SUBMITTED), globex);
            globexOnly.secret = other.secret();
            try {
                String title = "Hook <b>" + UUID.randomUUID() + "</b>";
                long channel = inTenant.call(editor, acme, () -> channels.add(editor, Network.SANDBOX,
                        "@hook-" + UUID.randomUUID().toString().substring(0, 8), "Hook feed").getId());
                long postId = inTenant.call(editor, acme, () -> {
                    Post post = posts.draft(editor, title, "A post that a webhook tells about.", Set.of(channel));
                    return posts.submit(editor, post.getId()).getId();
                });
                assertThrows(RuleViolation.class, () -> inTenant.call(editor, acme, () -> posts.submit(editor,
                        postId)), "a change that fails announces nothing");

                await("post.submitted at the receiver", () -> !everything.of("post.submitted").isEmpty());
                Received submitted = everything.of("post.submitted").get(0);
                assertTrue(submitted.signed(), "the receiver's own HMAC check: " + submitted);
                assertTrue(submitted.id().startsWith("msg_"), submitted.id());
                JsonObject data = submitted.json().getJsonObject("data");
                assertEquals(postId, data.getJsonNumber("post_id").longValue());
                assertEquals(title, data.getString("title"), "the title as written; the receiver escapes it");
                assertEquals(acme, data.getJsonNumber("client_id").longValue());
                assertEquals(Demo.ACME, data.getString("client"));

                endpoints.sendTest(owner, all.endpoint().getId());
                await("the test event", () -> !everything.of("webhook.test").isEmpty());
                Thread.sleep(1_500);
                assertEquals(1, everything.of("post.submitted").size(), "once, even with a failed change beside it");
                assertTrue(globexOnly.received.isEmpty(), "an endpoint for Globex hears nothing of Acme");
                assertTrue(everything.received.stream().allMatch(Received::signed));
                List<WebhookDelivery> log = endpoints.deliveries(owner, all.endpoint().getId(), 10);
                assertEquals(2, log.size());
                assertTrue(log.stream().allMatch(d -> d.getState() == WebhookDelivery.State.DELIVERED
                        && d.getLastStatus() == 200), "the log shows each answer");

                WebhookEndpoints.WithSecret rotated = endpoints.rotate(owner, all.endpoint().getId());
                everything.secret = rotated.secret();
                endpoints.sendTest(owner, all.endpoint().getId());
                await("a test after the rotation", () -> everything.of("webhook.test").size() == 2);
                Received afterRotation = everything.of("webhook.test").get(1);
                assertTrue(afterRotation.signed(), "signed with the new secret");
                assertEquals(2, afterRotation.signature().split(" ").length, "and the old one, for a day");
            } finally {
                endpoints.remove(owner, all.endpoint().getId());
                endpoints.remove(owner, other.endpoint().getId());
            }
        }
    }

    @Test
    void aFailingReceiverIsAskedAgainWithTheSameIdAndOneThatIsGoneIsLeftAlone() throws Exception {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        try (Receiver flaky = new Receiver()) {
            WebhookEndpoints.WithSecret endpoint = endpoints.add(owner, flaky.url(), List.of(WebhookEvent.REPORT_READY),
                    null);
            flaky.secret = endpoint.secret();
            long id = endpoint.endpoint().getId();
            try {
                flaky.answers.addAll(List.of(500, 503));
                WebhookDelivery test = endpoints.sendTest(owner, id);
                await("three attempts", () -> flaky.received.size() == 3);
                assertEquals(1, flaky.received.stream().map(Received::id).distinct().count(), "one message id");
                assertTrue(flaky.received.stream().allMatch(Received::signed));
                await("delivered", () -> stateOf(owner, id, test.getMessageId()) == WebhookDelivery.State.DELIVERED);

                endpoints.resend(owner, test.getId());
                await("sent again from the log", () -> flaky.received.size() == 4);
                assertEquals(test.getMessageId(), flaky.received.get(3).id(), "the same id, so it can be told apart");

                flaky.answers.add(410);
                endpoints.sendTest(owner, id);
                await("410 switches the endpoint off", () -> endpoints.of(owner).stream()
                        .filter(e -> e.getId() == id).noneMatch(WebhookEndpoint::isActive));
                int heard = flaky.received.size();
                assertThrows(RuleViolation.class, () -> endpoints.sendTest(owner, id), "an endpoint that is off");
                Thread.sleep(1_500);
                assertEquals(heard, flaky.received.size(), "nothing more is sent to it");
                endpoints.switchOn(owner, id);
                endpoints.sendTest(owner, id);
                await("on again", () -> flaky.received.size() == heard + 1);
            } finally {
                endpoints.remove(owner, id);
            }
        }
    }

    /**
     * Herald's own inspector, called over the network like any receiver (loopback is allowed for the tests): it
     * receives a test event, checks its signature as a receiver would, marks a forged one, and shows them only to
     * the agency.
     */
    @Test
    void heraldsInspectorReceivesWhatHeraldSendsAndChecksItsSignature() throws Exception {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        WebhookEndpoints.WithSecret inspector = endpoints.addInspector(owner, base.toString(), null);
        long id = inspector.endpoint().getId();
        String url = inspector.endpoint().getUrl();
        try {
            assertTrue(url.startsWith(base.toString().replaceAll("/+$", "") + WebhookInspector.PATH), url);
            endpoints.sendTest(owner, id);
            await("the inspector's first request", () -> !endpoints.inspected(owner, id).isEmpty());
            WebhookInspection got = endpoints.inspected(owner, id).get(0);
            assertEquals("webhook.test", got.getEventType());
            assertTrue(got.isSignatureOk(), "signed with the endpoint's secret");
            assertTrue(got.getBody().contains("A test event"), got.getBody());
            await("the delivery settled", () -> endpoints.deliveries(owner, id, 10).get(0).getState()
                    == WebhookDelivery.State.DELIVERED);

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("webhook-id", "msg_forged").header("webhook-timestamp",
                            String.valueOf(Instant.now().getEpochSecond())).header("webhook-signature", "v1,AAAA")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"post.approved\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, forged.statusCode());
            WebhookInspection marked = endpoints.inspected(owner, id).get(0);
            assertEquals("msg_forged", marked.getMessageId());
            assertFalse(marked.isSignatureOk(), "a forged signature is shown as such");
            String unknown = url.substring(0, url.length() - 24) + "abcdefghijkmnopqrstuvwxy";
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(unknown))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "no endpoint has that key");
            assertThrows(AccessDenied.class, () -> endpoints.inspected(actor(Demo.SOUTHWIND_OWNER), id));
        } finally {
            endpoints.remove(owner, id);
        }
    }

    /**
     * Publications of two clients due at one instant are announced once each, to an endpoint of their agency that
     * listens for them, each under its own client with the address the network gave: also when a round recorded
     * several clients' publications in one transaction (ADR 0033).
     */
    @Test
    void publishedPostsOfSeveralClientsAreAnnouncedEachUnderItsOwnClientWithItsAddress() throws Exception {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        try (Receiver receiver = new Receiver()) {
            WebhookEndpoints.WithSecret endpoint = endpoints.add(owner, receiver.url(),
                    List.of(WebhookEvent.PUBLICATION_PUBLISHED), null);
            receiver.secret = endpoint.secret();
            try {
                Instant due = Instant.now().plusSeconds(8).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                // Post ids are per client schema: two clients have a post 1 each.
                Set<String> made = new java.util.HashSet<>();
                for (int client = 0; client < 2; client++) {
                    long tenant = provisioning.create(owner, owner.agencyId().orElseThrow(),
                            "Announced " + UUID.randomUUID(), "Europe/Lisbon").getId();
                    inTenant.call(owner, tenant, () -> {
                        policies.changeMode(owner, ApprovalMode.NONE);
                        return null;
                    });
                    long channel = inTenant.call(owner, tenant, () -> channels.add(owner, Network.SANDBOX,
                            "@announced-" + UUID.randomUUID().toString().substring(0, 8), "Announced").getId());
                    for (int i = 0; i < 10; i++) {
                        long postId = inTenant.call(owner, tenant, () -> {
                            Post post = posts.draft(owner, "Announced " + UUID.randomUUID(), "Out it goes.",
                                    Set.of(channel));
                            posts.schedule(owner, post.getId(), due);
                            return posts.submit(owner, post.getId()).getId();
                        });
                        made.add(tenant + "/" + postId);
                    }
                }
                await("20 publications announced", () -> receiver.of("publication.published").size() >= 20);
                Thread.sleep(1_500);
                List<Received> announced = receiver.of("publication.published");
                assertEquals(20, announced.size(), "once each");
                Set<String> heard = new java.util.HashSet<>();
                for (Received each : announced) {
                    assertTrue(each.signed(), each.toString());
                    JsonObject data = each.json().getJsonObject("data");
                    long postId = data.getJsonNumber("post_id").longValue();
                    long tenant = data.getJsonNumber("client_id").longValue();
                    assertTrue(made.contains(tenant + "/" + postId), "under its own client: " + data);
                    heard.add(tenant + "/" + postId);
                    Publication publication = inTenant.call(owner, tenant, () -> publications.ofPost(postId)).get(0);
                    assertEquals(publication.getId(), data.getJsonNumber("publication_id").longValue());
                    assertEquals(publication.getNetworkUrl(), data.getString("network_url"));
                    assertEquals(registry.find(tenant).orElseThrow().getName(), data.getString("client"));
                }
                assertEquals(made, heard, "each post announced");
            } finally {
                endpoints.remove(owner, endpoint.endpoint().getId());
            }
        }
    }

    @Test
    void noAgencyReachesAnothersEndpointsAndPrivateAddressesAreRefused() throws Exception {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        Actor stranger = actor(Demo.SOUTHWIND_OWNER);
        long initech = tenant(Demo.INITECH);
        try (Receiver receiver = new Receiver()) {
            int before = endpoints.of(owner).size();
            WebhookEndpoints.WithSecret endpoint = endpoints.add(owner, receiver.url(),
                    List.of(WebhookEvent.POST_APPROVED), null);
            long id = endpoint.endpoint().getId();
            try {
                WebhookDelivery test = endpoints.sendTest(owner, id);
                assertTrue(endpoints.of(stranger).stream().noneMatch(e -> e.getId() == id));
                assertThrows(AccessDenied.class, () -> endpoints.deliveries(stranger, id, 10), "a forged endpoint id");
                assertThrows(AccessDenied.class, () -> endpoints.resend(stranger, test.getId()), "a forged delivery id");
                assertThrows(AccessDenied.class, () -> endpoints.rotate(stranger, id));
                assertThrows(AccessDenied.class, () -> endpoints.remove(stranger, id));
                assertThrows(AccessDenied.class, () -> endpoints.sendTest(stranger, id));
                assertThrows(AccessDenied.class, () -> endpoints.add(owner, receiver.url(),
                        List.of(WebhookEvent.POST_APPROVED), initech), "another agency's client");
                assertThrows(AccessDenied.class, () -> endpoints.add(actor(Demo.NORTHWIND_EDITOR), receiver.url(),
                        List.of(WebhookEvent.POST_APPROVED), null), "editors do not keep webhooks");
                assertThrows(AccessDenied.class, () -> endpoints.of(actor(Demo.ACME_APPROVER)));
                long acme = tenant(Demo.ACME);
                long globex = tenant(Demo.GLOBEX);
                Actor acmeManager = new Actor(owner.userId(), owner.email(), false, owner.agencyId(),
                        Optional.of(Role.MANAGER), Optional.empty(), false, Set.of(acme));
                assertTrue(endpoints.of(acmeManager).stream().noneMatch(e -> e.getId() == id),
                        "a manager limited to Acme does not see the agency-wide endpoint");
                assertThrows(AccessDenied.class, () -> endpoints.deliveries(acmeManager, id, 10));
                assertThrows(AccessDenied.class, () -> endpoints.add(acmeManager, receiver.url(),
                        List.of(WebhookEvent.POST_APPROVED), null), "nor adds one for every client");
                assertThrows(AccessDenied.class, () -> endpoints.add(acmeManager, receiver.url(),
                        List.of(WebhookEvent.POST_APPROVED), globex), "nor one for a client hidden from them");
                for (String address : new String[] {"http://10.0.0.7/hook", "http://169.254.169.254/latest/meta-data/",
                        "http://[::1]:8080/hook", "file:///etc/passwd", "gopher://127.0.0.1/", "not a url"}) {
                    OutboundRefused refused = assertThrows(OutboundRefused.class, () -> endpoints.add(owner, address,
                            List.of(WebhookEvent.POST_APPROVED), null), address);
                    assertEquals(OutboundRefused.MESSAGE, refused.getMessage(), "never what the address answered");
                }
                assertEquals(before + 1, endpoints.of(owner).size(), "nothing was stored");
            } finally {
                endpoints.remove(owner, id);
            }
        }
    }
}
