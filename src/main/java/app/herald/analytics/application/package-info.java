/** Use cases: plan and run measurements through the analytics queue, and read KPIs, series and rankings for screens and reports. */
package app.herald.analytics.application;
