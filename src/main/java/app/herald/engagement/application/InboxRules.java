package app.herald.engagement.application;

import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.engagement.domain.Contact;
import app.herald.engagement.domain.InboxRule;
import app.herald.engagement.domain.Interaction;
import app.herald.engagement.domain.RuleDefinition;
import app.herald.engagement.domain.RuleSubject;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The current client's inbox rules: owners and managers write, order, switch on and off and remove them, and try a
 * rule against the last 30 days before saving it. What a rule names (people, channels) must belong to this client.
 */
@Stateless
public class InboxRules {

    /** How far back "try this rule" looks, and how many items it reads at most. */
    static final Duration PREVIEW_PERIOD = Duration.ofDays(30);
    static final int PREVIEW_ITEMS = 5_000;

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    Channels channels;
    @Inject
    Conversations conversations;
    @Inject
    TenantAuditLog audit;

    /** What a rule would have matched: how many items it read, and the newest of those it matched. */
    public record Preview(int read, int matched, List<Interaction> examples) implements java.io.Serializable {
    }

    public List<InboxRule> all() {
        return em.createNamedQuery("InboxRule.all", InboxRule.class).getResultList();
    }

    public InboxRule add(Actor actor, RuleDefinition definition) {
        requireRunner(actor);
        checkNames(definition);
        InboxRule rule = new InboxRule(all().size(), definition, Instant.now());
        em.persist(rule);
        audit.record(actor.email(), "INBOX_RULE_ADDED", "inbox rule", rule.getName());
        return rule;
    }

    public InboxRule change(Actor actor, long ruleId, RuleDefinition definition) {
        requireRunner(actor);
        checkNames(definition);
        InboxRule rule = find(ruleId);
        rule.define(definition);
        audit.record(actor.email(), "INBOX_RULE_CHANGED", "inbox rule", rule.getName());
        return rule;
    }

    public void enable(Actor actor, long ruleId, boolean enabled) {
        requireRunner(actor);
        find(ruleId).enable(enabled);
    }

    public void remove(Actor actor, long ruleId) {
        requireRunner(actor);
        InboxRule rule = find(ruleId);
        em.remove(rule);
        audit.record(actor.email(), "INBOX_RULE_REMOVED", "inbox rule", rule.getName());
        renumber(all().stream().filter(r -> !r.getId().equals(rule.getId())).toList());
    }

    /** Moves a rule one place earlier ({@code up}) or later in the order they act in. */
    public void move(Actor actor, long ruleId, boolean up) {
        requireRunner(actor);
        List<InboxRule> rules = new ArrayList<>(all());
        int at = rules.indexOf(find(ruleId));
        int to = up ? at - 1 : at + 1;
        if (to < 0 || to >= rules.size()) {
            return;
        }
        rules.add(to, rules.remove(at));
        renumber(rules);
    }

    /** Runs an unsaved rule over the last 30 days' words; changes nothing. */
    public Preview preview(Actor actor, RuleDefinition definition) {
        requireRunner(actor);
        InboxRule rule = new InboxRule(0, definition, Instant.now());
        Map<Long, Channel> byId = channels.all().stream().collect(Collectors.toMap(Channel::getId, c -> c));
        List<Interaction> recent = em.createQuery("SELECT i FROM Interaction i WHERE i.conversationId IS NOT NULL "
                        + "AND i.occurredAt >= :from ORDER BY i.occurredAt DESC", Interaction.class)
                .setParameter("from", Instant.now().minus(PREVIEW_PERIOD).toEpochMilli()).setMaxResults(PREVIEW_ITEMS)
                .getResultList();
        Map<Long, Contact> authors = new HashMap<>();
        List<Interaction> matched = new ArrayList<>();
        for (Interaction item : recent) {
            Contact author = authors.computeIfAbsent(item.getContactId(), id -> em.find(Contact.class, id));
            Channel channel = byId.get(item.getChannelId());
            if (author != null && channel != null && rule.matches(new RuleSubject(item.getBody(),
                    channel.getNetwork(), channel.getId(), item.getKind(), author.getTags(), author.isVip(),
                    item.getLanguage()))) {
                matched.add(item);
            }
        }
        return new Preview(recent.size(), matched.size(), matched.stream().limit(20).toList());
    }

    private void checkNames(RuleDefinition definition) {
        Set<Long> people = conversations.assignable();
        definition.assignTo().filter(id -> !people.contains(id)).ifPresent(id -> {
            throw new RuleViolation("A rule assigns only to the agency's owners, managers and editors of this client.");
        });
        if (!people.containsAll(definition.notifyPeople())) {
            throw new RuleViolation("A rule tells only the agency's owners, managers and editors of this client.");
        }
        Set<Long> own = channels.all().stream().map(Channel::getId).collect(Collectors.toSet());
        if (!own.containsAll(definition.channels())) {
            throw new RuleViolation("A rule names only this client's channels.");
        }
    }

    private InboxRule find(long ruleId) {
        return context.require(em.find(InboxRule.class, ruleId), "inbox rule", ruleId);
    }

    private static void renumber(List<InboxRule> inOrder) {
        for (int i = 0; i < inOrder.size(); i++) {
            inOrder.get(i).moveTo(i);
        }
    }

    private void requireRunner(Actor actor) {
        if (!actor.runs(context.current().agencyId())) {
            throw new AccessDenied(actor.email() + " may not change the inbox rules of " + context.current().id());
        }
    }
}
