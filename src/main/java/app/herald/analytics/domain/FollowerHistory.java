package app.herald.analytics.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Daily follower readings of some channels. A channel's count on a day is its last reading on or before that day;
 * the count of several channels is the sum of those that have one. Read once per dashboard and asked for every
 * figure that needs followers (both periods, the chart, each channel).
 */
public final class FollowerHistory {

    private final Map<Long, TreeMap<LocalDate, Long>> byChannel;

    public FollowerHistory(Map<Long, TreeMap<LocalDate, Long>> byChannel) {
        this.byChannel = Map.copyOf(byChannel);
    }

    /** The followers on each day from the day before {@code from} to {@code to}; days before any reading are absent. */
    public SortedMap<LocalDate, Long> series(LocalDate from, LocalDate to) {
        TreeMap<LocalDate, Long> total = new TreeMap<>();
        for (LocalDate day = from.minusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            long sum = 0;
            boolean any = false;
            for (TreeMap<LocalDate, Long> readings : byChannel.values()) {
                Map.Entry<LocalDate, Long> last = readings.floorEntry(day);
                if (last != null) {
                    sum += last.getValue();
                    any = true;
                }
            }
            if (any) {
                total.put(day, sum);
            }
        }
        return total;
    }

    /**
     * Followers at the start of the period (the day before it, or the first reading within it for channels read for
     * the first time then) and at its end; nulls when there is no reading at all.
     */
    public Long[] ends(Period period) {
        SortedMap<LocalDate, Long> series = series(period.from(), period.to());
        if (series.isEmpty()) {
            return new Long[] {null, null};
        }
        return new Long[] {series.get(series.firstKey()), series.get(series.lastKey())};
    }

    /** The history of one channel alone. */
    public FollowerHistory of(long channelId) {
        TreeMap<LocalDate, Long> readings = byChannel.get(channelId);
        return new FollowerHistory(readings == null ? Map.of() : Map.of(channelId, readings));
    }
}
