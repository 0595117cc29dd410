/**
 * Use cases of the platform operator and of start-up: agencies, bootstrapping the schemas.
 */
package app.herald.platform.application;
