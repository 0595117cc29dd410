/** Use cases of publishing: planning publications for approved posts, dispatching due jobs, retry and cancel. */
package app.herald.publishing.application;
