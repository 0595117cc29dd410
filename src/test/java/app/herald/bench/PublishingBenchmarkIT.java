package app.herald.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The publishing benchmark in small, in the suite's MariaDB pass, so that it cannot rot between the times someone
 * measures: one node, 20 tenants, 1,000 publications due at one instant. It asserts only what must hold at any speed:
 * every publication reached the network exactly once and ended PUBLISHED. The figures it prints are not goals.
 */
class PublishingBenchmarkIT {

    @Test
    void aThousandPublicationsDueAtOnceEachReachTheNetworkOnceAndAllArePublished() throws Exception {
        assumeTrue("mysql".equals(System.getenv("HERALD_IT_DATABASE")), "runs in the MariaDB pass");
        String report = new PublishingBenchmark().run(PublishingBenchmark.Scale.SMALL);
        assertTrue(report.contains("| 1,000 | all at the network"), report);
    }
}
