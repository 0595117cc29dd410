/**
 * The few types every capability shares: the failures a person is shown (a broken rule, a refused access) and the
 * secrets of one-time links.
 */
package app.herald.kernel;
