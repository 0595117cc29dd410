/**
 * Screens of the platform operator, the shared layout's navigation and the error pages' helpers.
 */
package app.herald.platform.web;
