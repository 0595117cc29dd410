package app.herald.kernel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The one rule for turning a time on a client's wall clock into an instant (docs/scheduling.md): a time that does not
 * exist because clocks spring forward moves forward by the gap; a time that happens twice because clocks fall back
 * means its first occurrence (the earlier offset). Every screen, import and slot uses this, so a post goes out once,
 * at the instant the documentation names.
 */
public final class WallClock {

    private WallClock() {
    }

    public static ZonedDateTime at(LocalDateTime local, ZoneId zone) {
        // ofLocal with no preferred offset applies exactly the rule above (see its Javadoc).
        return ZonedDateTime.ofLocal(local, zone, null);
    }

    public static Instant instantOf(LocalDateTime local, ZoneId zone) {
        return at(local, zone).toInstant();
    }
}
