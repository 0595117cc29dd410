package app.herald.content.application;

import app.herald.content.domain.Campaign;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The current tenant's campaigns. */
@Stateless
public class Campaigns {

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantAuditLog audit;

    public List<Campaign> all() {
        return em.createNamedQuery("Campaign.all", Campaign.class).getResultList();
    }

    public Campaign find(long campaignId) {
        return byId(campaignId).orElseThrow(() -> new RuleViolation("That campaign does not exist in this client's "
                + "workspace."));
    }

    /** The campaign with this id in the current client's schema: another client's id reads as none. */
    public Optional<Campaign> byId(long campaignId) {
        return Optional.ofNullable(em.find(Campaign.class, campaignId));
    }

    public Optional<Campaign> byName(String name) {
        return em.createNamedQuery("Campaign.byName", Campaign.class).setParameter("name", name == null ? "" : name.strip())
                .getResultStream().findFirst();
    }

    public Campaign create(Actor actor, String name, LocalDate startsOn, LocalDate endsOn, String goal,
                           BigDecimal budget, String currency, String utmCampaign, String colour) {
        if (!actor.writesContent()) {
            throw new AccessDenied(actor.email() + " may not create campaigns");
        }
        Campaign campaign = new Campaign(name, startsOn, endsOn, goal, budget, currency, utmCampaign, colour,
                Instant.now());
        if (byName(campaign.getName()).isPresent()) {
            throw new RuleViolation("There is already a campaign named \"" + campaign.getName() + "\".");
        }
        em.persist(campaign);
        em.flush();
        audit.record(actor.email(), "CAMPAIGN_CREATED", "campaign " + campaign.getId(), campaign.getName() + ", "
                + campaign.getStartsOn() + " to " + campaign.getEndsOn() + ", budget " + campaign.getBudget() + " "
                + campaign.getCurrency());
        return campaign;
    }
}
