/** The client's home dashboard and the agency's clients at a glance. */
package app.herald.overview.web;
