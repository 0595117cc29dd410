package app.herald.engagement.web;

import app.herald.engagement.application.InboxBadges;
import app.herald.engagement.application.InboxPolicy;
import app.herald.identity.domain.Actor;
import app.herald.tenancy.web.ClientAccess;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The inbox's tab in a client's workspace: shown to whoever may read the inbox, with how many conversations wait. */
@Named
@RequestScoped
public class InboxTab {

    @Inject
    InboxPolicy policy;
    @Inject
    InboxBadges badges;

    private Boolean shown;

    public boolean shown(ClientAccess access) {
        if (shown == null) {
            Actor actor = access.enter();
            shown = policy.mayRead(actor);
        }
        return shown;
    }

    /** " (3)" when three conversations wait for an answer; nothing when none does. */
    public String label(ClientAccess access) {
        Integer waiting = badges.waiting(List.of(access.getClient().id())).get(access.getClient().id());
        return waiting == null ? "" : " (" + waiting + ")";
    }
}
