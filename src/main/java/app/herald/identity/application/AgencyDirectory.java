package app.herald.identity.application;

import app.herald.identity.domain.Agency;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.Set;

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

    /** The ids of every agency that is not suspended, as committed (outside the caller's transaction). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Set<Long> activeIds() {
        return Set.copyOf(em.createNamedQuery("Agency.idsInState", Long.class)
                .setParameter("state", Agency.State.ACTIVE).getResultList());
    }

    public String nameOf(long agencyId) {
        return find(agencyId).map(Agency::getName).orElse("an agency");
    }
}
