package app.herald.tracking.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Last click within a window: a conversion counts for the link (and so the post, channel and campaign) of the last
 * tracked click its visitor made, when that click came no more than the window before the conversion. The site keeps
 * only the latest click's token (a new click replaces it), so the token a conversion carries is the last click.
 */
public record Attribution(Duration window) {

    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    public Attribution {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The attribution window must be positive");
        }
    }

    /** Whether a click at {@code clickedAt} earns a conversion at {@code convertedAt}. */
    public boolean credits(Instant clickedAt, Instant convertedAt) {
        // A conversion cannot come before its click; a little clock skew between the site and Herald is forgiven.
        return !convertedAt.isBefore(clickedAt.minus(Duration.ofMinutes(5)))
                && !convertedAt.isAfter(clickedAt.plus(window));
    }
}
