/**
 * Long lists read a page at a time: which page a screen asks for ({@link app.herald.kernel.paging.PageRequest}), and
 * the one way a service reads that page and the count of the whole list from the database
 * ({@link app.herald.kernel.paging.PagedQuery}), so that no screen loads a client's whole history to show 25 rows.
 */
package app.herald.kernel.paging;
