/** One connector per network over java.net.http, the job queue's SQL, and token encryption. */
package app.herald.publishing.infrastructure;
