/** Link rewriting with UTM parameters, bot filtering, visitor fingerprints, conversion signatures and the attribution rule. */
package app.herald.tracking.domain;
