/** Publishing: the queue of what is due, the dispatcher that claims it across a cluster, and the network connectors. */
package app.herald.publishing;
