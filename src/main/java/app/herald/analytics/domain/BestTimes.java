package app.herald.analytics.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When a channel's own audience engages most, from its history: posts are grouped by the hour of the week they went
 * out (in the tenant's zone) and each hour is scored by the median engagements of its posts. The median, not the
 * mean, so that one viral post does not make its hour look best. Until a channel has {@link #MIN_POSTS} measured
 * posts, and an hour {@link #MIN_POSTS_PER_HOUR}, there is not enough data and Herald says so instead of guessing.
 */
public final class BestTimes {

    public static final int MIN_POSTS = 20;
    public static final int MIN_POSTS_PER_HOUR = 3;
    public static final int HOURS_PER_WEEK = 7 * 24;

    /** One measured post: the hour of the week it went out (0 = Monday 00:00) and its engagements. */
    public record Sample(int hourOfWeek, long engagements) {
    }

    /** An hour of the week worth posting in, with the evidence behind it. */
    public record Slot(DayOfWeek day, LocalTime time, long medianEngagements, int posts) {

        public String getLabel() {
            return day.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " "
                    + time;
        }

        public long getMedianEngagements() {
            return medianEngagements;
        }

        public int getPosts() {
            return posts;
        }
    }

    /** The verdict for one channel: the best hours, best first, or why there are none yet. */
    public record Verdict(List<Slot> slots, int postsMeasured) {

        public boolean enoughData() {
            return postsMeasured >= MIN_POSTS && !slots.isEmpty();
        }

        public String getExplanation() {
            return enoughData() ? "From " + postsMeasured + " measured posts: the hours whose posts earned the most "
                    + "engagements (median)." : "Not enough data yet: " + postsMeasured + " measured posts, Herald needs "
                    + MIN_POSTS + " with at least " + MIN_POSTS_PER_HOUR + " in the same hour of the week.";
        }

        public List<Slot> getSlots() {
            return enoughData() ? slots : List.of();
        }
    }

    private BestTimes() {
    }

    public static Verdict of(List<Sample> samples, int howMany) {
        List<List<Long>> byHour = new ArrayList<>(HOURS_PER_WEEK);
        for (int h = 0; h < HOURS_PER_WEEK; h++) {
            byHour.add(new ArrayList<>());
        }
        for (Sample s : samples) {
            if (s.hourOfWeek() >= 0 && s.hourOfWeek() < HOURS_PER_WEEK) {
                byHour.get(s.hourOfWeek()).add(s.engagements());
            }
        }
        if (samples.size() < MIN_POSTS) {
            return new Verdict(List.of(), samples.size());
        }
        List<Slot> slots = new ArrayList<>();
        for (int h = 0; h < HOURS_PER_WEEK; h++) {
            List<Long> values = byHour.get(h);
            if (values.size() >= MIN_POSTS_PER_HOUR) {
                slots.add(new Slot(DayOfWeek.of(h / 24 + 1), LocalTime.of(h % 24, 0), median(values), values.size()));
            }
        }
        slots.sort(Comparator.comparingLong(Slot::medianEngagements).reversed()
                .thenComparing(Comparator.comparingInt(Slot::posts).reversed()));
        return new Verdict(List.copyOf(slots.subList(0, Math.min(howMany, slots.size()))), samples.size());
    }

    /** Monday 00:00 is hour 0. */
    public static int hourOfWeek(DayOfWeek day, int hour) {
        return (day.getValue() - 1) * 24 + hour;
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : Math.round((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0);
    }
}
