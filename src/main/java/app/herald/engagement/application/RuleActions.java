package app.herald.engagement.application;

import app.herald.content.domain.Channel;
import app.herald.engagement.domain.Contact;
import app.herald.engagement.domain.Conversation;
import app.herald.engagement.domain.InboxRule;
import app.herald.engagement.domain.Interaction;
import app.herald.engagement.domain.RuleSubject;
import app.herald.kernel.RuleViolation;
import app.herald.publishing.domain.Moderation;
import app.herald.tenancy.application.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the client's rules do to a new item and its conversation, in the transaction that stores it: tags, an
 * assignee, a priority, done, hidden (on the network too where it allows hiding), and who is told. The assignee of
 * the conversation hears of new words too.
 */
@Stateless
public class RuleActions {

    @Inject
    InboxNotifications notifications;
    @Inject
    InboxOutbox outbox;
    @Inject
    Inboxes inboxes;
    @Inject
    TenantContext context;

    public void apply(List<InboxRule> rules, Channel channel, Conversation conversation, Interaction item,
                      Contact author, boolean fresh) {
        Instant now = Instant.now();
        RuleSubject subject = new RuleSubject(item.getBody(), channel.getNetwork(), channel.getId(), item.getKind(),
                author.getTags(), author.isVip(), item.getLanguage());
        Set<Long> told = new LinkedHashSet<>();
        for (InboxRule rule : InboxRule.acting(rules, subject)) {
            rule.getAddTag().ifPresent(tag -> tagQuietly(conversation, tag));
            rule.getAssignTo().ifPresent(conversation::assign);
            rule.getSetPriority().ifPresent(conversation::prioritize);
            if (rule.isMarkDone()) {
                conversation.done(now);
            }
            if (rule.isHide()) {
                boolean onNetwork = inboxes.of(channel.getNetwork())
                        .map(inbox -> inbox.moderation(item.getKind()).contains(Moderation.HIDE)).orElse(false);
                item.moderate(Moderation.HIDE, onNetwork, now);
                if (onNetwork) {
                    outbox.moderate(context.current().id(), item.getId(), Moderation.HIDE);
                }
            }
            told.addAll(rule.getNotify());
        }
        if (conversation.getAssigneeId() != null) {
            told.add(conversation.getAssigneeId());
        }
        if (fresh && !told.isEmpty() && !item.isHidden()) {
            notifications.heard(conversation, item, author, told);
        }
    }

    /** A rule never fails the reading of a channel: a conversation already at its most tags keeps them. */
    private static void tagQuietly(Conversation conversation, String tag) {
        try {
            conversation.tag(tag);
        } catch (RuleViolation full) {
            // Ten tags already; the rule's tag is left out.
        }
    }
}
