/**
 * The few types every capability shares: the failures a person is shown (a broken rule, a refused access), the
 * secrets of one-time links, a reading remembered for a second and work that waits for a transaction to end.
 */
package app.herald.kernel;
