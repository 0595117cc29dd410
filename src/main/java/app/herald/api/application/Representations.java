package app.herald.api.application;

import app.herald.kernel.Secrets;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** What the API writes, as the same bytes every time: its JSON and the ETag derived from it. */
public final class Representations {

    private static final Jsonb JSON = JsonbBuilder.create();

    private Representations() {
    }

    public static String json(Object representation) {
        return JSON.toJson(representation);
    }

    /** A strong ETag: the same representation gives the same tag on every node. */
    public static String etag(Object representation) {
        return "\"" + Secrets.sha256(json(representation)).substring(0, 32) + "\"";
    }
}
