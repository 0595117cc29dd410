/** Tracked links and conversions: short links with UTM parameters in published posts, their clicks, and signed conversions attributed to the last click. */
package app.herald.tracking;
