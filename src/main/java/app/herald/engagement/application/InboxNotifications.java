package app.herald.engagement.application;

import app.herald.engagement.domain.Contact;
import app.herald.engagement.domain.Conversation;
import app.herald.engagement.domain.Interaction;
import app.herald.engagement.domain.Reply;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.User;
import app.herald.kernel.web.PublicAddress;
import app.herald.mail.application.Mail;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantRef;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * E-mails about the inbox, queued in the transaction that decided them and sent after it commits: new words in a
 * conversation for its assignee and for whom a rule names, an assignment, a mention in a note, an answer waiting for
 * review, an answer that failed. Each names one client and links to one conversation; people who left are skipped.
 */
@Stateless
public class InboxNotifications {

    /** How much of what someone wrote an e-mail quotes. */
    private static final int QUOTE = 300;

    @Inject
    Actors actors;
    @Inject
    Mail mail;
    @Inject
    PublicAddress address;
    @Inject
    TenantContext context;

    public void heard(Conversation conversation, Interaction item, Contact from, Collection<Long> recipients) {
        TenantRef tenant = context.current();
        String what = item.getKind().label().toLowerCase(java.util.Locale.ROOT);
        send(recipients, "New " + what + " from " + from.getName() + " (" + tenant.name() + ")",
                from.getName() + " wrote to " + tenant.name() + ":\n\n" + quote(item.getBody()) + "\n\n"
                        + "Answer it here:\n" + link(conversation) + "\n");
    }

    public void assigned(Conversation conversation, long assignee, String by) {
        TenantRef tenant = context.current();
        send(List.of(assignee), "Assigned to you: a conversation of " + tenant.name(),
                by + " assigned you a conversation of " + tenant.name() + ":\n\n" + quote(conversation.getPreview())
                        + "\n\nOpen it here:\n" + link(conversation) + "\n");
    }

    public void mentioned(Conversation conversation, Set<Long> mentioned, String by, String note) {
        TenantRef tenant = context.current();
        send(mentioned, by + " mentioned you in a note (" + tenant.name() + ")",
                by + " wrote in an internal note on a conversation of " + tenant.name() + ":\n\n" + quote(note)
                        + "\n\nOpen it here:\n" + link(conversation) + "\n");
    }

    public void awaitingReview(Reply reply, Collection<Long> reviewers, boolean client) {
        TenantRef tenant = context.current();
        String where = client ? address.link("/client/answers.xhtml?client=" + tenant.id())
                : link(reply.getConversationId());
        send(reviewers, "An answer waits for your review (" + tenant.name() + ")",
                reply.getAuthorName() + " wrote an answer for " + tenant.name() + " that needs your approval before "
                        + "it goes out:\n\n" + quote(reply.getBody()) + "\n\nReview it here:\n" + where + "\n");
    }

    public void failed(Reply reply) {
        TenantRef tenant = context.current();
        send(List.of(reply.getAuthorId()), "Your answer was not sent (" + tenant.name() + ")",
                "Your answer for " + tenant.name() + " did not go out:\n\n" + quote(reply.getBody()) + "\n\nWhy: "
                        + reply.getReason() + "\n\nRetry it here:\n" + link(reply.getConversationId()) + "\n");
    }

    private void send(Collection<Long> recipients, String subject, String body) {
        recipients.stream().distinct().map(actors::activeUser).flatMap(java.util.Optional::stream)
                .map(User::getEmail).forEach(to -> mail.send(to, subject, body));
    }

    private String link(Conversation conversation) {
        return link(conversation.getId());
    }

    private String link(long conversationId) {
        return address.link("/client/inbox.xhtml?client=" + context.current().id() + "&conversation=" + conversationId);
    }

    private static String quote(String text) {
        String shown = text.length() <= QUOTE ? text : text.substring(0, QUOTE) + "…";
        return "  " + shown.replace("\n", "\n  ");
    }
}
