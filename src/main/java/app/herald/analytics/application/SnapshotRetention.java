package app.herald.analytics.application;

import app.herald.analytics.infrastructure.RollupStore;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Raw snapshots are kept for herald.analytics.snapshot-retention-days (a post's curve on its detail page); the rollups
 * and each post's lifetime numbers, which dashboards and reports read, are kept for good.
 */
@Stateless
public class SnapshotRetention {

    @Inject
    RollupStore rollups;

    public int purge(Instant before) {
        return rollups.purgeSnapshots(before);
    }
}
