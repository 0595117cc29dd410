package app.herald.platform.application;

/**
 * Fired once at start-up, synchronously, when the platform schema is migrated and before tenant schemas are: the
 * moment for work that needs the platform tables but must not wait for every tenant (the demo loads its world here).
 */
public record PlatformSchemaReady() {
}
