/**
 * The few types every capability shares: the failures a person is shown (a broken rule, a refused access) and time.
 */
package app.herald.kernel;
