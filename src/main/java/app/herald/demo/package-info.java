/**
 * Demo data: a believable world of agencies, clients, posts and a year of history. It uses every capability, so it
 * sits on top and nothing imports it.
 */
package app.herald.demo;
