package app.herald.approval.application;

import app.herald.content.domain.Post;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.User;
import app.herald.platform.infrastructure.Mailer;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantRef;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells a client's approvers that a post waits for them, each with a review link of their own. Best effort: a mail
 * server that is down must not undo the agency's approval; the post also waits in the approver's queue.
 */
@Stateless
public class ClientNotifier {

    private static final Logger LOG = Logger.getLogger(ClientNotifier.class.getName());

    @Inject
    Actors actors;
    @Inject
    ReviewLinks links;
    @Inject
    Mailer mailer;
    @Inject
    TenantContext context;

    public void awaitingClient(Post post) {
        TenantRef tenant = context.current();
        for (User approver : actors.clientApproversOf(tenant.id())) {
            try {
                String link = links.issue(tenant, post.getId(), approver.getId());
                mailer.send(approver.getEmail(), "Please review: " + post.getTitle() + " (" + tenant.name() + ")",
                        "Hello " + approver.getDisplayName() + ",\n\n"
                                + "A post for " + tenant.name() + " is ready for your approval:\n\n"
                                + "  " + post.getTitle() + "\n\n"
                                + "Review it here (no sign-in needed; the link works once):\n" + link + "\n\n"
                                + "You can also sign in to Herald and find it under Posts.\n");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not notify " + approver.getEmail() + " about post " + post.getId()
                        + " of tenant " + tenant.id() + ": " + e.getMessage());
            }
        }
    }
}
