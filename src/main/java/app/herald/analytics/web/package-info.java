/** Analytics screens: the client's dashboard, a post's numbers and the agency's portfolio, with PrimeFaces charts. */
package app.herald.analytics.web;
