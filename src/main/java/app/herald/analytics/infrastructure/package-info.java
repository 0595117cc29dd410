/** The analytics queue and the rollup tables in SQL, where atomic upserts keep concurrent measurements from losing counts. */
package app.herald.analytics.infrastructure;
