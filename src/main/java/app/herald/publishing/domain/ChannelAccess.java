package app.herald.publishing.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach one channel: the network's base address for it (a Mastodon instance, a Bluesky PDS, a webhook URL),
 * the account, and its decrypted credentials. A connector that refreshes a token records the new values with
 * {@link #renew}; the dispatcher stores them encrypted after the call.
 */
public final class ChannelAccess {

    private final long channelId;
    private final String endpoint;
    private final String account;
    private final Map<String, String> credentials;
    private final Map<String, String> renewed = new HashMap<>();

    public ChannelAccess(long channelId, String endpoint, String account, Map<String, String> credentials) {
        this.channelId = channelId;
        this.endpoint = endpoint == null ? "" : endpoint.replaceAll("/+$", "");
        this.account = account;
        this.credentials = new HashMap<>(credentials);
    }

    public long channelId() {
        return channelId;
    }

    /** The base address without a trailing slash. */
    public String endpoint() {
        return endpoint;
    }

    public String account() {
        return account;
    }

    public Optional<String> credential(String name) {
        return Optional.ofNullable(credentials.get(name)).filter(v -> !v.isBlank());
    }

    /** A credential the connector cannot work without; its absence means the channel must be connected again. */
    public String required(String name) {
        return credential(name).orElseThrow(() -> new MissingCredential(name));
    }

    public void renew(String name, String value) {
        credentials.put(name, value);
        renewed.put(name, value);
    }

    /** Credentials changed during the call, to be stored. */
    public Map<String, String> renewed() {
        return Map.copyOf(renewed);
    }

    /** All credentials as they stand now, for storing after a renewal. */
    public Map<String, String> credentials() {
        return Map.copyOf(credentials);
    }

    /** Thrown when a channel lacks a credential: it was never connected, or its connection was removed. */
    public static final class MissingCredential extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MissingCredential(String name) {
            super("The channel is not connected (" + name + " missing): connect it again.");
        }
    }
}
