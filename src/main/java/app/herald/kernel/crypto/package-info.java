/**
 * Secrets at rest: one key ring ({@code herald.token-keys}) and AES-GCM sealing bound to what a value belongs to, for
 * channel credentials and two-factor secrets alike.
 */
package app.herald.kernel.crypto;
