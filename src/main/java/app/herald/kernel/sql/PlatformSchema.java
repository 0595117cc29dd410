package app.herald.kernel.sql;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the platform schema is migrated on this node: start-up says so once it is, and background work that reads
 * platform tables (the job engine) waits for it.
 */
@ApplicationScoped
public class PlatformSchema {

    private volatile boolean ready;

    public void ready() {
        ready = true;
    }

    public boolean isReady() {
        return ready;
    }
}
