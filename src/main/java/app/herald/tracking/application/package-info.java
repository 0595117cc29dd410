/** Use cases: track a publication's links, record a click, receive a conversion, and read link statistics. */
package app.herald.tracking.application;
