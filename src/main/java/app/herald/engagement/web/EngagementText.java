package app.herald.engagement.web;

import app.herald.engagement.domain.ResponseTimes;
import java.time.Duration;
import java.util.Locale;

/** How the inbox's figures read on screen, the same on the client's analytics and on the agency's portfolio. */
final class EngagementText {

    static final String NONE = "—";

    private EngagementText() {
    }

    static String median(ResponseTimes times) {
        return times.isEmpty() ? NONE : duration(times.median());
    }

    static String duration(Duration d) {
        if (d == null) {
            return NONE;
        }
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 48 * 60) {
            return String.format(Locale.ENGLISH, "%.1f h", minutes / 60.0);
        }
        return String.format(Locale.ENGLISH, "%.1f days", minutes / 1440.0);
    }

    static String percent(Double share) {
        return share == null ? NONE : String.format(Locale.ENGLISH, "%.0f%%", share * 100);
    }

    static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }
}
