/** The numbers and their definitions: readings, rollup totals, KPI formulas, measuring cadence and best times to post. */
package app.herald.analytics.domain;
