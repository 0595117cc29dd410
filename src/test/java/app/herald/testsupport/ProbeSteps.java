package app.herald.testsupport;

import app.herald.jobs.application.Jobs;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/** A probe job's own transaction that finishes it, as a handler that writes results does. */
@Stateless
public class ProbeSteps {

    @Inject
    Jobs jobs;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(Job job, Outcome outcome) {
        jobs.finish(job, outcome);
    }
}
