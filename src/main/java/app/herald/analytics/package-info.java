/** Analytics: measuring published posts and channels on a timer, rolling the numbers up per day, and the KPIs read from them. */
package app.herald.analytics;
