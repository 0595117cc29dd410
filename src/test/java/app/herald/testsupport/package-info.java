/**
 * What the integration tests share: the deployment of the real WAR, a test database on MariaDB, a browser and a
 * plain HTTP client that signs in through the real login form.
 */
package app.herald.testsupport;
