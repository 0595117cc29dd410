/** The public endpoints: the /l/ redirect, the signed conversion endpoint and its small site script, and the conversion settings screen. */
package app.herald.tracking.web;
