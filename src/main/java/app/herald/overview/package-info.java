/**
 * Overview: what a person sees first. A client's home (what waits for the person, the week ahead, publishing problems,
 * the last 30 days' headline figures) and the agency's list of clients at a glance. It only reads, through the
 * services of content, publishing and analytics; nothing imports it.
 */
package app.herald.overview;
