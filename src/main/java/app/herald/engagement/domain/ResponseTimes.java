package app.herald.engagement.domain;

import java.io.Serializable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * How long something took, over many cases: how many, the median and the 90th percentile (nearest rank: the value
 * that at least half, or nine in ten, of the cases did not exceed). Empty when there were no cases; never zeros.
 */
public record ResponseTimes(int count, Duration median, Duration p90) implements Serializable {

    public static final ResponseTimes NONE = new ResponseTimes(0, null, null);

    public static ResponseTimes of(Collection<Duration> durations) {
        if (durations.isEmpty()) {
            return NONE;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        return new ResponseTimes(sorted.size(), rank(sorted, 0.5), rank(sorted, 0.9));
    }

    private static Duration rank(List<Duration> sorted, double share) {
        int rank = (int) Math.ceil(share * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    public boolean isEmpty() {
        return count == 0;
    }
}
