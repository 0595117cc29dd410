/**
 * The rules of content that hold without a database: how each network counts text, and when posting slots fall.
 */
package app.herald.content.domain;
