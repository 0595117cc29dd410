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
}
