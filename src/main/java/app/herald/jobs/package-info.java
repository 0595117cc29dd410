/**
 * The one job engine: a leased queue in the platform schema that every kind of background work (publishing,
 * analytics, reports, mail, inbox sync, webhook deliveries) runs on, exactly once per attempt, across a cluster.
 */
package app.herald.jobs;
