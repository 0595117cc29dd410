package app.herald.jobs.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.herald.jobs.infrastructure.JobStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link Jobs#planOnce} asks the job table, around the subjects it has seen to have their job. */
class JobsPlanOnceTest {

    /** The job table's answers to planOnce, noting each question: a subject has a job once it was planned. */
    private static final class Table extends JobStore {
        final Set<Long> planned = new HashSet<>();
        final List<Long> asked = new ArrayList<>();

        @Override
        public boolean planOnce(String queue, String kind, long tenantId, long subjectId, Instant due) {
            asked.add(subjectId);
            return !planned.add(subjectId);
        }

        @Override
        public void drop(String queue, String kind, long tenantId, long subjectId) {
            planned.remove(subjectId);
        }

        @Override
        public void dropTenant(long tenantId) {
            planned.clear();
        }
    }

    private final Table table = new Table();
    private final Jobs jobs = new Jobs();

    {
        jobs.store = table;
    }

    private void planReading(long channel) {
        jobs.planOnce("analytics", "CHANNEL", 7, channel, Instant.now());
    }

    @Test
    void aSubjectSeenToHaveItsJobIsNotAskedAgainForAWhile() {
        planReading(1);
        planReading(1);
        planReading(1);
        planReading(1);

        assertEquals(List.of(1L, 1L), table.asked, "asked when it planned the job, then when it saw it there");
    }

    @Test
    void aJobThisCallPlannedIsAskedForAgainSinceItsTransactionMayRollBack() {
        planReading(1);
        table.planned.clear();
        planReading(1);

        assertEquals(List.of(1L, 1L), table.asked);
        assertEquals(Set.of(1L), table.planned, "planned again");
    }

    @Test
    void aDroppedJobIsPlannedAgainByTheNextCall() {
        planReading(1);
        planReading(1);
        jobs.drop("analytics", "CHANNEL", 7, 1);
        planReading(1);

        assertEquals(List.of(1L, 1L, 1L), table.asked);
        assertEquals(Set.of(1L), table.planned);
    }

    @Test
    void subjectsAreToldApart() {
        planReading(1);
        planReading(1);
        planReading(2);
        jobs.planOnce("analytics", "CHANNEL", 8, 1, Instant.now());

        assertEquals(List.of(1L, 1L, 2L, 1L), table.asked, "channel 2 and another tenant's channel 1 are asked");
    }
}
