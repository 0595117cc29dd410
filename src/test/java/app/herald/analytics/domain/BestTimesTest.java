package app.herald.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The best hours of the week to post, scored by the median engagements of the posts that went out in them. */
class BestTimesTest {

    /** Tuesday 09:00 = 1 * 24 + 9. */
    private static final int TUE_09 = 33;
    /** Thursday 18:00 = 3 * 24 + 18. */
    private static final int THU_18 = 90;
    /** Monday 08:00 = 0 * 24 + 8. */
    private static final int MON_08 = 8;

    private static void add(List<BestTimes.Sample> samples, int hour, long... engagements) {
        for (long e : engagements) {
            samples.add(new BestTimes.Sample(hour, e));
        }
    }

    /**
     * 20 posts: Tuesday 09:00 with one viral post (10, 12, 5000: mean 1674, median 12), Thursday 18:00 (40, 50, 60:
     * median 50), Monday 08:00 (20, 30, 40, 100: median (30 + 40) / 2 = 35), and five hours with only two posts each
     * but 10 000 engagements apiece (too few posts to be offered).
     */
    private static List<BestTimes.Sample> history() {
        List<BestTimes.Sample> samples = new ArrayList<>();
        add(samples, TUE_09, 10, 5_000, 12);
        add(samples, THU_18, 60, 40, 50);
        add(samples, MON_08, 100, 20, 40, 30);
        for (int h = 100; h < 105; h++) {
            add(samples, h, 10_000, 10_000);
        }
        return samples;
    }

    @Test
    @DisplayName("hourOfWeek: Monday 00:00 is 0, Sunday 23:00 is 167")
    void hourOfWeek() {
        assertEquals(0, BestTimes.hourOfWeek(DayOfWeek.MONDAY, 0));
        assertEquals(TUE_09, BestTimes.hourOfWeek(DayOfWeek.TUESDAY, 9));
        // Wednesday 14:00 = 2 * 24 + 14 = 62
        assertEquals(62, BestTimes.hourOfWeek(DayOfWeek.WEDNESDAY, 14));
        assertEquals(THU_18, BestTimes.hourOfWeek(DayOfWeek.THURSDAY, 18));
        // Sunday 23:00 = 6 * 24 + 23 = 167
        assertEquals(167, BestTimes.hourOfWeek(DayOfWeek.SUNDAY, 23));
        assertEquals(BestTimes.HOURS_PER_WEEK - 1, BestTimes.hourOfWeek(DayOfWeek.SUNDAY, 23));
    }

    @Test
    @DisplayName("Hours are ranked by median engagements, best first; hours with too few posts are not offered")
    void rankedByMedian() {
        BestTimes.Verdict v = BestTimes.of(history(), 5);
        assertTrue(v.enoughData());
        assertEquals(20, v.postsMeasured());
        assertEquals(List.of(THU_18, MON_08, TUE_09), v.getSlots().stream()
                .map(s -> BestTimes.hourOfWeek(s.day(), s.time().getHour())).toList(),
                "the 10 000-engagement hours have only 2 posts each and are left out");
        assertEquals(List.of(50L, 35L, 12L), v.getSlots().stream().map(BestTimes.Slot::medianEngagements).toList());
        assertEquals(List.of(3, 4, 3), v.getSlots().stream().map(BestTimes.Slot::posts).toList());
        assertEquals(List.of("Thu 18:00", "Mon 08:00", "Tue 09:00"),
                v.getSlots().stream().map(BestTimes.Slot::getLabel).toList());
    }

    @Test
    @DisplayName("One viral post does not make its hour the best (median, not mean)")
    void oneViralPostDoesNotWin() {
        BestTimes.Slot best = BestTimes.of(history(), 1).getSlots().get(0);
        // Tuesday 09:00 has the highest mean ((10 + 12 + 5000) / 3 = 1674) but the lowest median (12)
        assertEquals(DayOfWeek.THURSDAY, best.day());
        assertEquals(LocalTime.of(18, 0), best.time());
        assertEquals(50L, best.getMedianEngagements());
    }

    @Test
    @DisplayName("howMany limits the slots offered")
    void howMany() {
        assertEquals(2, BestTimes.of(history(), 2).getSlots().size());
        assertEquals(3, BestTimes.of(history(), 10).getSlots().size(), "only three hours have enough posts");
    }

    @Test
    @DisplayName("Equal medians: the hour with more posts behind it comes first")
    void tieBrokenByPosts() {
        List<BestTimes.Sample> samples = new ArrayList<>();
        add(samples, 0, 50, 50, 50); // Monday 00:00: median 50 from 3 posts
        add(samples, 167, 40, 50, 50, 90); // Sunday 23:00: median (50 + 50) / 2 = 50 from 4 posts
        for (int h = 1; h <= 6; h++) {
            add(samples, h, 1, 1);
        }
        add(samples, 7, 1); // 3 + 4 + 12 + 1 = 20 posts
        BestTimes.Verdict v = BestTimes.of(samples, 3);
        assertEquals(2, v.getSlots().size());
        BestTimes.Slot first = v.getSlots().get(0);
        BestTimes.Slot second = v.getSlots().get(1);
        assertEquals(DayOfWeek.SUNDAY, first.day());
        assertEquals(LocalTime.of(23, 0), first.time());
        assertEquals(4, first.getPosts());
        assertEquals(DayOfWeek.MONDAY, second.day());
        assertEquals(LocalTime.MIDNIGHT, second.time());
        assertEquals(50L, first.medianEngagements());
        assertEquals(50L, second.medianEngagements());
    }

    @Test
    @DisplayName("Below MIN_POSTS there is not enough data, even when one hour has many posts")
    void notEnoughPosts() {
        List<BestTimes.Sample> samples = new ArrayList<>();
        for (int i = 0; i < BestTimes.MIN_POSTS - 1; i++) {
            samples.add(new BestTimes.Sample(TUE_09, 100));
        }
        BestTimes.Verdict v = BestTimes.of(samples, 3);
        assertFalse(v.enoughData());
        assertEquals(19, v.postsMeasured());
        assertEquals(List.of(), v.getSlots());
        assertEquals("Not enough data yet: 19 measured posts, Herald needs 20 with at least 3 in the same hour of "
                + "the week.", v.getExplanation());
    }

    @Test
    @DisplayName("MIN_POSTS posts but no hour with MIN_POSTS_PER_HOUR: not enough data")
    void noHourWithEnoughPosts() {
        List<BestTimes.Sample> samples = new ArrayList<>();
        for (int h = 0; h < 10; h++) {
            add(samples, h, 100, 200); // 10 hours x 2 posts = 20 posts
        }
        BestTimes.Verdict v = BestTimes.of(samples, 3);
        assertEquals(20, v.postsMeasured());
        assertFalse(v.enoughData());
        assertEquals(List.of(), v.getSlots());
        assertEquals("Not enough data yet: 20 measured posts, Herald needs 20 with at least 3 in the same hour of "
                + "the week.", v.getExplanation());
    }

    @Test
    @DisplayName("With enough data the explanation says how many posts it is based on")
    void explanationWithEnoughData() {
        assertEquals("From 20 measured posts: the hours whose posts earned the most engagements (median).",
                BestTimes.of(history(), 3).getExplanation());
    }

    @Test
    @DisplayName("median: middle value of an odd count, mean of the two middle values of an even count")
    void median() {
        assertEquals(5L, BestTimes.median(List.of(5L)));
        // sorted 1, 2, 3 -> 2
        assertEquals(2L, BestTimes.median(List.of(3L, 1L, 2L)));
        // sorted 10, 20, 30, 40 -> (20 + 30) / 2 = 25
        assertEquals(25L, BestTimes.median(List.of(40L, 10L, 30L, 20L)));
        // 10, 12, 5000 -> 12, whatever the outlier
        assertEquals(12L, BestTimes.median(List.of(10L, 5_000L, 12L)));
    }
}
