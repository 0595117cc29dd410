/** The figures an overview shows, as plain values. */
package app.herald.overview.domain;
