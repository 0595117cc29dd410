package app.herald.platform.application;

import app.herald.identity.application.Invitations;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.platform.domain.Agency;
import app.herald.platform.domain.AgencyBrand;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The platform operator's view of agencies: list, create with a first owner, suspend and reactivate. */
@Stateless
public class Agencies {

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    Invitations invitations;

    public boolean isActive(long agencyId) {
        return find(agencyId).map(Agency::isActive).orElse(false);
    }

    public String nameOf(long agencyId) {
        return find(agencyId).map(Agency::getName).orElse("an agency");
    }

    public Optional<Agency> find(long agencyId) {
        return Optional.ofNullable(em.find(Agency.class, agencyId));
    }

    public List<Agency> all(Actor actor) {
        requireAdmin(actor);
        return em.createNamedQuery("Agency.all", Agency.class).getResultList();
    }

    public boolean noneYet() {
        return em.createNamedQuery("Agency.count", Long.class).getSingleResult() == 0;
    }

    /** Creates an agency and e-mails its first owner an invitation. */
    public Agency create(Actor actor, String name, String ownerEmail) {
        requireAdmin(actor);
        Agency agency = register(name);
        invitations.inviteOwner(agency.getId(), ownerEmail);
        return agency;
    }

    /** Registers an agency without people; demo data and {@link #create} add them. */
    public Agency register(String name) {
        Agency agency = new Agency(name, Instant.now());
        boolean taken = !em.createNamedQuery("Agency.byName", Agency.class).setParameter("name", agency.getName())
                .getResultList().isEmpty();
        if (taken) {
            throw new RuleViolation("An agency named \"" + agency.getName() + "\" already exists.");
        }
        em.persist(agency);
        em.flush();
        return agency;
    }

    public void suspend(Actor actor, long agencyId) {
        requireAdmin(actor);
        find(agencyId).orElseThrow(() -> new RuleViolation("No such agency.")).suspend();
    }

    public void reactivate(Actor actor, long agencyId) {
        requireAdmin(actor);
        find(agencyId).orElseThrow(() -> new RuleViolation("No such agency.")).reactivate();
    }

    /** The largest logo accepted for reports: plenty for a crisp PNG on a cover page. */
    public static final int MAX_LOGO_BYTES = 512 * 1024;

    /** Sets the agency's report colours and (when given) its logo; owners and managers only. */
    public AgencyBrand brand(Actor actor, long agencyId, String primary, String accent, byte[] logo) {
        if (!actor.runs(agencyId)) {
            throw new AccessDenied(actor.email() + " does not run agency " + agencyId);
        }
        if (logo != null) {
            requirePng(logo);
        }
        find(agencyId).orElseThrow(() -> new RuleViolation("No such agency."));
        AgencyBrand brand = brandOf(agencyId);
        brand.change(primary, accent, logo, Instant.now());
        if (!em.contains(brand)) {
            em.persist(brand);
        }
        return brand;
    }

    public void removeLogo(Actor actor, long agencyId) {
        if (!actor.runs(agencyId)) {
            throw new AccessDenied(actor.email() + " does not run agency " + agencyId);
        }
        Optional.ofNullable(em.find(AgencyBrand.class, agencyId)).ifPresent(b -> b.removeLogo(Instant.now()));
    }

    /** The agency's report branding; the defaults (not stored) until it sets its own. */
    public AgencyBrand brandOf(long agencyId) {
        return Optional.ofNullable(em.find(AgencyBrand.class, agencyId))
                .orElseGet(() -> new AgencyBrand(agencyId, Instant.now()));
    }

    /** A logo must be what it claims: a PNG by its signature, small, and an image that decodes whole. */
    static void requirePng(byte[] logo) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (logo.length > MAX_LOGO_BYTES) {
            throw new RuleViolation("The logo is larger than 512 KB.");
        }
        if (logo.length < signature.length || !java.util.Arrays.equals(java.util.Arrays.copyOf(logo,
                signature.length), signature)) {
            throw new RuleViolation("The logo must be a PNG image.");
        }
        try {
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(logo));
            if (image == null || image.getWidth() > 4000 || image.getHeight() > 4000) {
                throw new RuleViolation("The logo could not be read as an image of at most 4000 × 4000 pixels.");
            }
        } catch (java.io.IOException e) {
            throw new RuleViolation("The logo is damaged: " + e.getMessage());
        }
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.platformAdmin()) {
            throw new AccessDenied(actor.email() + " is not a platform admin");
        }
    }
}
