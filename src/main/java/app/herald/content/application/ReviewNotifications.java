package app.herald.content.application;

import app.herald.content.domain.Comment;
import app.herald.approval.domain.Decision;
import app.herald.content.domain.Post;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.User;
import app.herald.mail.application.Mail;
import app.herald.kernel.web.PublicAddress;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantRef;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;

/**
 * E-mails about reviews: to the agency reviewers whose turn it is, to the client's approvers (each with a review link
 * of their own), and to the author when a post is decided. They are queued with the decision and sent once it has
 * committed; a mail server that is down delays them, and every post also waits in the person's queue in Herald.
 */
@Stateless
public class ReviewNotifications {


    @Inject
    Actors actors;
    @Inject
    ReviewLinks links;
    @Inject
    Mail mailer;
    @Inject
    PublicAddress address;
    @Inject
    TenantContext context;

    public void awaitingAgency(Post post, Collection<Long> reviewers) {
        TenantRef tenant = context.current();
        String queue = address.link("/client/posts.xhtml?client=" + tenant.id());
        for (long reviewer : reviewers) {
            if (actors.prefersDailyDigest(reviewer)) {
                continue;
            }
            actors.activeUser(reviewer).ifPresent(user -> send(user, post,
                    "Waiting for your review: " + post.getTitle() + " (" + tenant.name() + ")",
                    "A post for " + tenant.name() + " waits for your review:\n\n  " + post.getTitle() + "\n\n"
                            + "Review it here:\n" + queue + "\n"));
        }
    }

    public void awaitingClient(Post post) {
        TenantRef tenant = context.current();
        for (User approver : actors.clientApproversOf(tenant.id())) {
            String link = links.issue(tenant, post.getId(), approver.getId());
            send(approver, post, "Please review: " + post.getTitle() + " (" + tenant.name() + ")",
                    "A post for " + tenant.name() + " is ready for your approval:\n\n  " + post.getTitle() + "\n\n"
                            + "Review it here (no sign-in needed; the link works once):\n" + link + "\n\n"
                            + "You can also sign in to Herald and find it under Posts.\n");
        }
    }

    public void decided(Post post, Decision decision) {
        TenantRef tenant = context.current();
        String verdict = switch (decision.to()) {
            case APPROVED -> "was approved";
            case CHANGES_REQUESTED -> "needs changes";
            case REJECTED -> "was rejected";
            default -> null;
        };
        if (verdict == null || decision.userId() == post.getAuthorId() || actors.prefersDailyDigest(post.getAuthorId())) {
            return;
        }
        String link = address.link("/client/compose.xhtml?client=" + tenant.id() + "&post=" + post.getId());
        actors.activeUser(post.getAuthorId()).ifPresent(author -> send(author,
                post, "\"" + post.getTitle() + "\" " + verdict + " (" + tenant.name() + ")",
                "Your post \"" + post.getTitle() + "\" for " + tenant.name() + " " + verdict + " by "
                        + actors.nameOf(decision.userId()) + "."
                        + (decision.comment() == null ? "" : "\n\nComment: " + decision.comment()) + "\n\n"
                        + "Open it here:\n" + link + "\n"));
    }

    public void mentioned(Post post, Comment comment, User person) {
        TenantRef tenant = context.current();
        String link = address.link("/client/post.xhtml?client=" + tenant.id() + "&post=" + post.getId());
        send(person, post, comment.getAuthorName() + " mentioned you on \"" + post.getTitle() + "\"",
                comment.getAuthorName() + " wrote" + (comment.isInternal() ? " in an internal note" : "") + " on \""
                        + post.getTitle() + "\" (" + tenant.name() + "):\n\n" + comment.getBody() + "\n\n"
                        + "Reply here:\n" + link + "\n");
    }

    private void send(User to, Post post, String subject, String body) {
        mailer.send(to.getEmail(), subject, "Hello " + to.getDisplayName() + ",\n\n" + body);
    }
}
