package app.herald.publishing.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.herald.content.domain.Network;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which accounts a Meta notification names (the servlet's own handling is left to the integration tests). */
class MetaWebhookServletTest {

    private static List<MetaWebhookServlet.Signal> signals(String body) {
        return MetaWebhookServlet.parse(body.getBytes(StandardCharsets.UTF_8)).map(MetaWebhookServlet::signals)
                .orElse(List.of());
    }

    @Test
    void aPageNotificationNamesEachPageOnce() {
        assertEquals(List.of(new MetaWebhookServlet.Signal(Network.FACEBOOK, "546349135390552"),
                        new MetaWebhookServlet.Signal(Network.FACEBOOK, "112233")),
                signals("""
                        {"object": "page", "entry": [
                          {"id": "546349135390552", "time": 1741168800, "changes": [{"field": "feed"}]},
                          {"id": "546349135390552", "time": 1741168801, "changes": [{"field": "feed"}]},
                          {"id": 112233, "time": 1741168802, "messaging": []}]}"""));
    }

    @Test
    void anInstagramNotificationNamesTheInstagramAccount() {
        assertEquals(List.of(new MetaWebhookServlet.Signal(Network.INSTAGRAM, "17841405822304914")), signals("""
                {"object": "instagram", "entry": [{"id": "17841405822304914", "time": 1741168800,
                  "changes": [{"field": "comments", "value": {"id": "17865799348089039", "text": "Nice"}}]}]}"""));
    }

    @Test
    void otherObjectsAndMalformedEntriesNameNobody() {
        assertEquals(List.of(), signals("{\"object\": \"user\", \"entry\": [{\"id\": \"1\"}]}"));
        assertEquals(List.of(), signals("{\"object\": \"page\", \"entry\": [{\"id\": \"../1\"}, {\"id\": true}, 3]}"));
        assertEquals(List.of(), signals("{\"object\": \"page\", \"entry\": {\"id\": \"1\"}}"));
        assertEquals(List.of(), signals("{\"object\": \"page\"}"));
        assertEquals(Optional.empty(), MetaWebhookServlet.parse("[1, 2]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), MetaWebhookServlet.parse("{\"object\":".getBytes(StandardCharsets.UTF_8)));
    }
}
