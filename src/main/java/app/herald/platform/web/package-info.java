/**
 * Screens of the platform operator and of agency administration (people), and the layout's navigation.
 */
package app.herald.platform.web;
