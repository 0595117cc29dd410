package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Median and 90th percentile by nearest rank: always one of the measured values, never an average. */
class ResponseTimesTest {

    private static List<Duration> minutes(int... values) {
        return IntStream.of(values).mapToObj(Duration::ofMinutes).toList();
    }

    private static List<Duration> oneToMinutes(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(Duration::ofMinutes).toList();
    }

    @Test
    void noCasesAreEmptyRatherThanZero() {
        ResponseTimes none = ResponseTimes.of(List.of());

        assertSame(ResponseTimes.NONE, none);
        assertTrue(none.isEmpty());
        assertEquals(0, none.count());
        assertNull(none.median());
        assertNull(none.p90());
    }

    @Test
    void oneCaseIsItsOwnMedianAndPercentile() {
        ResponseTimes one = ResponseTimes.of(minutes(42));

        assertFalse(one.isEmpty());
        assertEquals(new ResponseTimes(1, Duration.ofMinutes(42), Duration.ofMinutes(42)), one);
    }

    @Test
    void theCasesNeedNotComeSorted() {
        assertEquals(new ResponseTimes(5, Duration.ofMinutes(3), Duration.ofMinutes(5)),
                ResponseTimes.of(minutes(5, 1, 4, 2, 3)));
    }

    @Test
    void theMedianOfAnEvenCountIsTheLowerMiddleValueNotTheirAverage() {
        ResponseTimes four = ResponseTimes.of(minutes(10, 40, 20, 30));

        assertEquals(Duration.ofMinutes(20), four.median());
        assertEquals(Duration.ofMinutes(40), four.p90());
    }

    @Test
    void theNinetiethPercentileIsTheValueNineInTenDidNotExceed() {
        assertEquals(new ResponseTimes(10, Duration.ofMinutes(5), Duration.ofMinutes(9)),
                ResponseTimes.of(oneToMinutes(10)));
        assertEquals(new ResponseTimes(20, Duration.ofMinutes(10), Duration.ofMinutes(18)),
                ResponseTimes.of(oneToMinutes(20)));
        assertEquals(new ResponseTimes(11, Duration.ofMinutes(6), Duration.ofMinutes(10)),
                ResponseTimes.of(oneToMinutes(11)));
    }

    @Test
    void oneSlowCaseDoesNotMoveTheMedian() {
        ResponseTimes times = ResponseTimes.of(minutes(3, 4, 5, 6, 6000));

        assertEquals(Duration.ofMinutes(5), times.median());
        assertEquals(Duration.ofMinutes(6000), times.p90());
    }

    @Test
    void equalCasesAreAllCounted() {
        assertEquals(new ResponseTimes(3, Duration.ofMinutes(7), Duration.ofMinutes(7)),
                ResponseTimes.of(minutes(7, 7, 7)));
    }
}
