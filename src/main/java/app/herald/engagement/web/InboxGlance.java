package app.herald.engagement.web;

import app.herald.engagement.application.Conversations;
import app.herald.engagement.application.InboxBadges;
import app.herald.engagement.application.InboxPolicy;
import app.herald.engagement.application.Replies;
import app.herald.engagement.domain.ConversationState;
import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import app.herald.tenancy.application.TenantDirectory;
import app.herald.tenancy.domain.Tenant;
import app.herald.tenancy.web.ClientAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;

/**
 * The inbox at a glance, where people look first: on a client's home, the conversations waiting for an answer and the
 * answers waiting for this person's decision; on the agency's clients page, each client's waiting conversations (one
 * query for all of them).
 */
@Named
@RequestScoped
public class InboxGlance {

    @Inject
    CurrentActor current;
    @Inject
    TenantDirectory directory;
    @Inject
    InboxBadges badges;
    @Inject
    InboxPolicy policy;
    @Inject
    Conversations conversations;
    @Inject
    Replies replies;

    private Map<Long, Integer> waitingByClient;

    /** What the home shows of the client's inbox: null when this person does not read it. */
    public record Home(long waiting, int answersForMe) {
    }

    public Home home(ClientAccess access) {
        Actor actor = access.enter();
        int forMe = replies.awaiting(actor).size();
        if (!policy.mayRead(actor)) {
            return forMe == 0 ? null : new Home(0, forMe);
        }
        return new Home(conversations.countInState(ConversationState.NEW), forMe);
    }

    /** Conversations waiting for an answer in the client; 0 when none does. */
    public int waiting(long tenantId) {
        if (waitingByClient == null) {
            waitingByClient = badges.waiting(directory.visibleTo(current.get()).stream().map(Tenant::getId).toList());
        }
        return waitingByClient.getOrDefault(tenantId, 0);
    }
}
