package app.herald.api.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Requests per minute, per token and per agency, as token buckets on this node: a bucket holds a minute's worth and
 * refills evenly. Several nodes each keep their own buckets, so a cluster of n nodes allows up to n times the rate.
 */
@ApplicationScoped
public class RateLimits {

    /** The verdict on one request: whether it may run, what is left and when a refused caller may try again. */
    public record Verdict(boolean allowed, long limit, long remaining, long resetSeconds) {
    }

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "herald.api.requests-per-minute", defaultValue = "600")
    int perToken;
    @Inject
    @ConfigProperty(name = "herald.api.agency-requests-per-minute", defaultValue = "3000")
    int perAgency;

    public Verdict take(long tokenId, long agencyId, long nowNanos) {
        Bucket agency = buckets.computeIfAbsent("agency:" + agencyId, k -> new Bucket(perAgency, nowNanos));
        Bucket token = buckets.computeIfAbsent("token:" + tokenId, k -> new Bucket(perToken, nowNanos));
        // The token's bucket first: a token over its own limit spends nothing of its agency's.
        Verdict own = token.take(nowNanos);
        if (!own.allowed()) {
            return own;
        }
        Verdict shared = agency.take(nowNanos);
        if (!shared.allowed()) {
            token.giveBack();
            return shared;
        }
        return own.remaining() <= shared.remaining() ? own : shared;
    }

    private static final class Bucket {
        private static final long MINUTE = Duration.ofMinutes(1).toNanos();
        private final long capacity;
        private double tokens;
        private long updated;

        Bucket(long capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized Verdict take(long now) {
            tokens = Math.min(capacity, tokens + (double) (now - updated) * capacity / MINUTE);
            updated = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Verdict(true, capacity, (long) tokens, secondsUntil(capacity - tokens));
            }
            return new Verdict(false, capacity, 0, Math.max(1, secondsUntil(1 - tokens)));
        }

        synchronized void giveBack() {
            tokens = Math.min(capacity, tokens + 1);
        }

        private long secondsUntil(double missing) {
            return (long) Math.ceil(missing * 60 / capacity);
        }
    }
}
