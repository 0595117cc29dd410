/** Screens for publication states, the needs-attention list and connecting channels. */
package app.herald.publishing.web;
