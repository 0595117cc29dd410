package app.herald.kernel;

import static app.herald.kernel.JsonSupport.JSON;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code JSON.createObjectBuilder()} and friends search the class path for a
 * provider on every call (a ServiceLoader scan of the jars): 12% of the publisher's CPU in the benchmark.
 */
public final class JsonSupport {

    public static final JsonProvider JSON = JsonProvider.provider();

    private JsonSupport() {
    }
}
