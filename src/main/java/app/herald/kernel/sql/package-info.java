/**
 * The one data source and the small helpers for the SQL Herald writes itself; connections join the caller's JTA
 * transaction.
 */
package app.herald.kernel.sql;
