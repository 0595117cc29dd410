package app.herald.reporting.application;

import app.herald.identity.application.AgencyDirectory;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.reporting.domain.AgencyBrand;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import javax.imageio.ImageIO;

/** An agency's report branding: its colours and logo, set by its owners and managers, used by every report. */
@Stateless
public class Branding {

    /** The largest logo accepted for reports: plenty for a crisp PNG on a cover page. */
    public static final int MAX_LOGO_BYTES = 512 * 1024;

    @PersistenceContext(unitName = "herald")
    EntityManager em;
    @Inject
    AgencyDirectory agencies;

    /** Sets the agency's report colours and (when given) its logo; owners and managers only. */
    public AgencyBrand brand(Actor actor, long agencyId, String primary, String accent, byte[] logo) {
        requireRuns(actor, agencyId);
        if (logo != null) {
            requirePng(logo);
        }
        agencies.find(agencyId).orElseThrow(() -> new RuleViolation("No such agency."));
        AgencyBrand brand = brandOf(agencyId);
        brand.change(primary, accent, logo, Instant.now());
        if (!em.contains(brand)) {
            em.persist(brand);
        }
        return brand;
    }

    public void removeLogo(Actor actor, long agencyId) {
        requireRuns(actor, agencyId);
        Optional.ofNullable(em.find(AgencyBrand.class, agencyId)).ifPresent(b -> b.removeLogo(Instant.now()));
    }

    /** The agency's report branding; the defaults (not stored) until it sets its own. */
    public AgencyBrand brandOf(long agencyId) {
        return Optional.ofNullable(em.find(AgencyBrand.class, agencyId))
                .orElseGet(() -> new AgencyBrand(agencyId, Instant.now()));
    }

    public String agencyName(long agencyId) {
        return agencies.nameOf(agencyId);
    }

    private static void requireRuns(Actor actor, long agencyId) {
        if (!actor.runs(agencyId)) {
            throw new AccessDenied(actor.email() + " does not run agency " + agencyId);
        }
    }

    /** A logo must be what it claims: a PNG by its signature, small, and an image that decodes whole. */
    static void requirePng(byte[] logo) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (logo.length > MAX_LOGO_BYTES) {
            throw new RuleViolation("The logo is larger than 512 KB.");
        }
        if (logo.length < signature.length || !Arrays.equals(Arrays.copyOf(logo, signature.length), signature)) {
            throw new RuleViolation("The logo must be a PNG image.");
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(logo));
            if (image == null || image.getWidth() > 4000 || image.getHeight() > 4000) {
                throw new RuleViolation("The logo could not be read as an image of at most 4000 × 4000 pixels.");
            }
        } catch (IOException e) {
            throw new RuleViolation("The logo is damaged: " + e.getMessage());
        }
    }
}
