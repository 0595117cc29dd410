/**
 * Calls Herald makes to addresses it was given: the one guard every such address passes before Herald connects.
 */
package app.herald.kernel.net;
