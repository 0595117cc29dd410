package app.herald.publishing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.kernel.Secrets;
import app.herald.publishing.application.OAuthConnections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the callback shows and hands to the connect page: escaped text, and an outcome only once, by its key. */
class OAuthCallbackServletTest {

    @Test
    void escapesEverythingItWrites() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
                OAuthCallbackServlet.escape("<script>alert('x')</script> & \"q\""));
    }

    @Test
    void theConnectPageGetsTheOutcomeOnceAndOnlyWithItsKey() {
        OAuthConnections.Outcome outcome = new OAuthConnections.Outcome(3L, 5L, true, "Connected");
        String key = Secrets.newSecret();
        Map<String, Object> session = new HashMap<>();
        session.put("herald.oauth-outcome." + key, outcome);

        assertTrue(OAuthCallbackServlet.takeOutcome(session, "guess").isEmpty());
        assertTrue(OAuthCallbackServlet.takeOutcome(session, Secrets.newSecret()).isEmpty());
        assertTrue(OAuthCallbackServlet.takeOutcome(null, key).isEmpty());
        assertEquals(outcome, OAuthCallbackServlet.takeOutcome(session, key).orElseThrow());
        assertTrue(OAuthCallbackServlet.takeOutcome(session, key).isEmpty(), "shown once");
    }
}
