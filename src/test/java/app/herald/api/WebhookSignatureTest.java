package app.herald.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.api.domain.WebhookEndpoint;
import app.herald.api.domain.WebhookEvent;
import app.herald.api.domain.WebhookSignature;
import app.herald.kernel.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theSignatureIsTheStandardWebhooksSpecsOwnTestVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}"));
    }

    @Test
    void secretsAreThirtyTwoRandomBytesInTheSpecsForm() {
        String secret = WebhookSignature.newSecret();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSignature.newSecret());
    }

    @Test
    void anEndpointTakesOnlyTheEventsItChoseAndTheTestAndNeedsOneAtLeast() {
        Instant now = Instant.now();
        WebhookEndpoint endpoint = new WebhookEndpoint(1, null, "https://hooks.example.com/herald",
                List.of(WebhookEvent.POST_APPROVED, WebhookEvent.TEST), now);
        assertEquals(Set.of(WebhookEvent.POST_APPROVED), endpoint.getEvents(), "nobody subscribes to tests");
        assertTrue(endpoint.wants(WebhookEvent.TEST));
        assertFalse(endpoint.wants(WebhookEvent.PUBLICATION_FAILED));
        assertThrows(RuleViolation.class, () -> new WebhookEndpoint(1, null, "https://a.example.com", List.of(), now));
        assertThrows(RuleViolation.class, () -> new WebhookEndpoint(1, null, " ", List.of(WebhookEvent.POST_APPROVED),
                now));
        assertThrows(RuleViolation.class, () -> new WebhookEndpoint(1, null, "https://a.example.com/"
                + "x".repeat(2000), List.of(WebhookEvent.POST_APPROVED), now), "refused, not cut");
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneForADayAndAnEndpointFailingForDaysIsSwitchedOff() {
        Instant now = Instant.now();
        WebhookEndpoint endpoint = new WebhookEndpoint(1, null, "https://hooks.example.com/herald",
                List.of(WebhookEvent.REPORT_READY), now);
        endpoint.keepSecret("first");
        assertTrue(endpoint.previousSecret(now).isEmpty());
        endpoint.rotate("second", now);
        assertEquals("second", endpoint.getSecret());
        assertEquals("first", endpoint.previousSecret(now.plus(Duration.ofHours(23))).orElseThrow());
        assertTrue(endpoint.previousSecret(now.plus(Duration.ofHours(25))).isEmpty());

        assertFalse(endpoint.failedAt(now), "the first failure starts the clock");
        assertFalse(endpoint.failedAt(now.plus(Duration.ofDays(2))));
        endpoint.answered();
        assertFalse(endpoint.failedAt(now.plus(Duration.ofDays(4))), "one success starts it again");
        assertTrue(endpoint.failedAt(now.plus(Duration.ofDays(7))));
    }

    @Test
    void aReceiversCheckTakesAnyListedSignatureOfARecentRequestAndNothingElse() {
        String current = WebhookSignature.newSecret();
        String previous = WebhookSignature.newSecret();
        long now = 1_796_580_000L;
        String body = "{\"type\":\"webhook.test\"}";
        String both = WebhookSignature.sign(current, "msg_1", now, body) + " "
                + WebhookSignature.sign(previous, "msg_1", now, body);
        assertTrue(WebhookSignature.verifies(List.of(current), "msg_1", String.valueOf(now), both, body, now));
        assertTrue(WebhookSignature.verifies(List.of(previous), "msg_1", String.valueOf(now), both, body, now + 300),
                "during a rotation the old secret's signature counts too");
        assertFalse(WebhookSignature.verifies(List.of(current), "msg_1", String.valueOf(now), both, body, now + 301),
                "more than five minutes away from the clock");
        assertFalse(WebhookSignature.verifies(List.of(current), "msg_2", String.valueOf(now), both, body, now),
                "the id is signed");
        assertFalse(WebhookSignature.verifies(List.of(current), "msg_1", String.valueOf(now), both, body + " ", now),
                "the body is signed");
        assertFalse(WebhookSignature.verifies(List.of(WebhookSignature.newSecret()), "msg_1", String.valueOf(now),
                both, body, now), "another secret");
        assertFalse(WebhookSignature.verifies(List.of(current), "msg_1", "soon", both, body, now));
        assertFalse(WebhookSignature.verifies(List.of(current), "msg_1", String.valueOf(now), null, body, now));
    }
}
