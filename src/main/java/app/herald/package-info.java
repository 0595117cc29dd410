/**
 * Herald: social media planning, approval, publishing and reporting for agencies. One package per capability,
 * each split into domain, application, web and, where needed, infrastructure.
 */
package app.herald;
