package app.herald.identity.application;

import app.herald.identity.domain.Agency;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * What every capability may ask about an agency: whether it exists, its name, whether it is active. Creating,
 * suspending and reactivating agencies is the platform operator's work (platform's {@code Agencies}).
 */
@Stateless
public class AgencyDirectory {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    public Optional<Agency> find(long agencyId) {
        return Optional.ofNullable(em.find(Agency.class, agencyId));
    }

    public boolean isActive(long agencyId) {
        return find(agencyId).map(Agency::isActive).orElse(false);
    }

    public String nameOf(long agencyId) {
        return find(agencyId).map(Agency::getName).orElse("an agency");
    }
}
