/** Reads an overview in one service call, so in one transaction of the client the request is bound to. */
package app.herald.overview.application;
