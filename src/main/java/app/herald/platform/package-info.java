/**
 * Agency and platform administration, people management, start-up, health, and the shared layout's navigation. It
 * stands above identity and tenancy.
 */
package app.herald.platform;
