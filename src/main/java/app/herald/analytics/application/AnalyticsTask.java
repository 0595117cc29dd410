package app.herald.analytics.application;

import app.herald.analytics.domain.AnalyticsWork;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;

/**
 * One kind of measurement, found through CDI by the {@link AnalyticsHandler}. Runs on an engine thread inside the
 * job's tenant (entered as Herald) and says what comes next; it never throws for what a network answers. A task that
 * stores a reading finishes the job in the same transaction, so a reading and the next checkpoint commit together.
 */
public interface AnalyticsTask {

    AnalyticsWork kind();

    Outcome run(Job job);
}
