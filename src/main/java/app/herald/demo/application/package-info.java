/**
 * Loading the demo world into an empty database at start-up, in demo mode only.
 */
package app.herald.demo.application;
