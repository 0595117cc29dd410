package app.herald.tenancy.application;

import java.util.Collection;
import java.util.Map;

/**
 * A number to show beside a client's name wherever clients are listed (menus, the clients page): what waits for the
 * agency there. Provided by a capability above tenancy (the inbox) and read through CDI, so tenancy and the screens
 * that list clients need not know it.
 */
public interface WorkspaceBadges {

    /** For each of the given clients that has something waiting: how much. Clients with nothing are left out. */
    Map<Long, Integer> waiting(Collection<Long> tenantIds);
}
