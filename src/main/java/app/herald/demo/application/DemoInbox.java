package app.herald.demo.application;

import app.herald.approval.domain.ApprovalFlow;
import app.herald.approval.domain.ApprovalPolicy;
import app.herald.approval.domain.Reviewer;
import app.herald.content.application.Channels;
import app.herald.content.application.Snippets;
import app.herald.content.domain.Channel;
import app.herald.content.domain.Network;
import app.herald.content.domain.Snippet;
import app.herald.engagement.application.Contacts;
import app.herald.engagement.application.InboxBadges;
import app.herald.engagement.application.InboxRules;
import app.herald.engagement.application.Intake;
import app.herald.engagement.domain.Contact;
import app.herald.engagement.domain.Conversation;
import app.herald.engagement.domain.ConversationNote;
import app.herald.engagement.domain.ConversationState;
import app.herald.engagement.domain.Interaction;
import app.herald.engagement.domain.Priority;
import app.herald.engagement.domain.Reply;
import app.herald.engagement.domain.RuleDefinition;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.paging.PageRequest;
import app.herald.publishing.application.ChannelKeys;
import app.herald.publishing.application.SandboxFeed;
import app.herald.publishing.domain.InboxRead;
import app.herald.publishing.domain.Incoming;
import app.herald.publishing.domain.InteractionKind;
import app.herald.publishing.domain.NetworkInbox;
import app.herald.publishing.domain.SandboxCrowd;
import app.herald.publishing.domain.SandboxIncoming;
import app.herald.publishing.domain.SandboxPost;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import app.herald.tenancy.domain.TenantRef;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Three weeks of a living inbox for a demo client: what the Sandbox's crowd would have said in that time (stored on
 * the Sandbox as its audience's items, then read by the Sandbox's own inbox into Herald's intake, so the rules and
 * the contacts come about as they do live), the agency's answers at believable delays (their posts on the Sandbox
 * too), people writing back, conversations closed, assigned and noted, two rules and three saved replies. Every
 * client's inbox is its own: nothing here is shared between demo clients.
 */
@Stateless
public class DemoInbox {

    static final int DAYS = 21;
    private static final String[] ANSWERS = {
        "Thank you so much! We're glad you like it.",
        "Thanks for asking! Yes, and you'll find the details on our website.",
        "Sorry to hear that. Please send us a direct message with your order number and we'll sort it out today.",
        "We'd love to! Let's talk by e-mail: hello@example.com.",
        "Thanks for the shout-out!"};
    /** Every third ten-minute slot of the past weeks gets the crowd's chance to act: a few items an hour. */
    private static final int SLOT_STEP = 5;

    @Inject
    @TenantDb
    EntityManager em;
    @Inject
    TenantContext context;
    @Inject
    Channels channels;
    @Inject
    ChannelKeys keys;
    @Inject
    @Any
    Instance<NetworkInbox> inboxes;
    @Inject
    SandboxFeed sandbox;
    @Inject
    Intake intake;
    @Inject
    InboxRules rules;
    @Inject
    Snippets snippets;
    @Inject
    Contacts contacts;
    @Inject
    InboxBadges badges;
    @Inject
    Actors actors;

    /**
     * Fills the current (demo) client's inbox. {@code runner} writes the rules (an owner or manager); {@code writers}
     * answer; {@code brand} is the client's name as its crowd says it.
     */
    public void fill(Actor runner, List<Actor> writers, String brand) {
        TenantRef tenant = context.current();
        Instant now = Instant.now();
        SplittableRandom random = new SplittableRandom(brand.hashCode() * 31L);
        savedReplies(runner, brand);
        rulesFor(runner);
        NetworkInbox inbox = inboxes.stream().filter(i -> i.network() == Network.SANDBOX).findFirst().orElseThrow();
        for (Channel channel : channels.all()) {
            if (channel.getNetwork() != Network.SANDBOX) {
                continue;
            }
            crowd(channel, brand, now);
            take(inbox, channel, now);
        }
        answerTheirWords(writers, random, now, tenant);
        for (Channel channel : channels.all()) {
            if (channel.getNetwork() == Network.SANDBOX) {
                take(inbox, channel, now);
            }
        }
        people(runner);
        badges.recount();
    }

    /** The crowd's past three weeks on the channel, as the Sandbox's audience items dated then. */
    private void crowd(Channel channel, String brand, Instant now) {
        List<SandboxPost> posts = sandbox.feed(channel.getId(), 400);
        long first = SandboxCrowd.slotOf(now.minus(Duration.ofDays(DAYS)));
        for (long slot = first; slot < SandboxCrowd.slotOf(now.minus(Duration.ofMinutes(30))); slot += SLOT_STEP) {
            Instant at = SandboxCrowd.startOf(slot).plus(SandboxCrowd.SLOT.dividedBy(2));
            List<Long> before = posts.stream().filter(p -> p.getPostedAt().isBefore(at)
                    && p.getInReplyTo().isEmpty()).map(SandboxPost::getId).limit(5).toList();
            long thisSlot = slot;
            SandboxCrowd.in(channel.getId(), slot, brand, before).ifPresent(act -> em.persist(new SandboxIncoming(
                    channel.getId(), "history:" + thisSlot, act.kind(), act.who().key(), act.text(), act.parentRef(),
                    act.subjectRef(), at)));
        }
        em.flush();
    }

    /** What the Sandbox's inbox reads of the channel now, taken in as a live reading would be. */
    private void take(NetworkInbox inbox, Channel channel, Instant now) {
        InboxRead read = inbox.read(keys.open(channel), inbox.streams().get(0), Optional.empty(),
                now.minus(Duration.ofDays(DAYS + 1)), 20_000);
        if (read instanceof InboxRead.Page page) {
            intake.take(channel, page.items(), now);
        }
    }

    /** An answer decided for the past: who wrote it, when, and what happened after. */
    private record Answered(Conversation conversation, Interaction last, Reply reply, SandboxPost posted, Actor writer,
                            Instant at, boolean writesBack, boolean done) {
    }

    /**
     * What the agency did with the conversations: most older ones answered at a believable delay, some closed, some
     * assigned or noted; recent ones left partly open, as a real inbox is in the middle of a week. The answers are
     * written first and stored together; what needs their ids follows.
     */
    private void answerTheirWords(List<Actor> writers, SplittableRandom random, Instant now, TenantRef tenant) {
        Map<Long, Interaction> lastOf = new HashMap<>();
        em.createQuery("SELECT i FROM Interaction i WHERE i.conversationId IS NOT NULL ORDER BY i.occurredAt, i.id",
                Interaction.class).getResultList().forEach(i -> lastOf.put(i.getConversationId(), i));
        List<Answered> answered = new ArrayList<>();
        for (Conversation conversation : em.createQuery("SELECT c FROM Conversation c ORDER BY c.openedAt, c.id",
                Conversation.class).getResultList()) {
            Interaction last = lastOf.get(conversation.getId());
            if (last == null || last.isHidden() || conversation.getState() == ConversationState.DONE) {
                continue;
            }
            boolean recent = Duration.between(conversation.getOpenedAt(), now).toHours() < 36;
            Actor writer = writers.get(random.nextInt(writers.size()));
            Instant at = last.getOccurredAt().plus(Duration.ofMinutes(4 + (long) (Math.pow(random.nextDouble(), 2.2)
                    * 900)));
            if (random.nextInt(100) >= (recent ? 45 : 92) || !at.isBefore(now)) {
                if (!recent && random.nextInt(3) == 0) {
                    conversation.assign(writer.userId());
                }
                continue;
            }
            answered.add(new Answered(conversation, last, newAnswer(conversation, last, writer, at), null, writer, at,
                    random.nextInt(100) < 25 && at.plus(Duration.ofHours(10)).isBefore(now),
                    !recent && random.nextInt(100) < 65));
        }
        List<Answered> posted = answered.stream().map(a -> {
            SandboxPost post = new SandboxPost(a.last().getChannelId(), a.reply().getIdempotencyKey(),
                    a.reply().getBody(), 0, a.last().getNetworkItemId(), a.at());
            em.persist(post);
            return new Answered(a.conversation(), a.last(), a.reply(), post, a.writer(), a.at(), a.writesBack(),
                    a.done());
        }).toList();
        em.flush();
        for (Answered a : posted) {
            a.reply().published(String.valueOf(a.posted().getId()), "/client/sandbox.xhtml?client=" + tenant.id()
                    + "&channel=" + a.last().getChannelId() + "#post-" + a.posted().getId(), a.at());
            a.conversation().answered(a.at());
            if (a.writesBack()) {
                writesBack(a, random);
            } else if (a.done()) {
                a.conversation().done(a.at().plus(Duration.ofMinutes(30)));
            }
            if (random.nextInt(100) < 10) {
                em.persist(new ConversationNote(a.conversation().getId(), a.writer().userId(),
                        actors.nameOf(a.writer().userId()), random.nextBoolean()
                        ? "Checked with the shop team; they confirmed it."
                        : "Keep an eye on this one, they wrote to us before.", Set.of(), a.at()));
            }
        }
        em.flush();
    }

    /** An answer that is released at once (the history's answers were not reviewed) and sent at {@code at}. */
    private Reply newAnswer(Conversation conversation, Interaction last, Actor writer, Instant at) {
        ApprovalFlow flow = ApprovalFlow.start(ApprovalPolicy.none(), writer.userId());
        flow.submit(Reviewer.staff(writer.userId()), at);
        Reply reply = new Reply(conversation, last, writer.userId(), actors.nameOf(writer.userId()), ANSWERS[
                (int) (conversation.getId() % ANSWERS.length)], flow, at);
        em.persist(reply);
        reply.start(at);
        return reply;
    }

    /** The person writes back on the Sandbox later; the next reading brings it in and the conversation is NEW again. */
    private void writesBack(Answered a, SplittableRandom random) {
        String key = SandboxCrowd.CAST.stream().filter(m -> m.name().equals(em.find(Contact.class,
                a.last().getContactId()).getName())).map(SandboxCrowd.Member::key).findFirst().orElse("maya");
        em.persist(new SandboxIncoming(a.last().getChannelId(), "history-follow-up:" + a.reply().getId(),
                a.last().getKind() == InteractionKind.MESSAGE ? InteractionKind.MESSAGE : InteractionKind.REPLY, key,
                SandboxCrowd.followUpText(a.reply().getId()), String.valueOf(a.posted().getId()), null,
                a.at().plus(Duration.ofMinutes(20 + random.nextInt(580)))));
    }

    private void savedReplies(Actor author, String brand) {
        snippets.save(author, Snippet.Kind.REPLY, "Thanks", "Thank you so much, {first_name}! That made our day.");
        snippets.save(author, Snippet.Kind.REPLY, "Order problem", "Hi {first_name}, we are sorry about this. Please "
                + "send us your order number in a direct message and we will sort it out today.");
        snippets.save(author, Snippet.Kind.REPLY, "Opening hours", "Hi {first_name}! " + brand + " is open Monday to "
                + "Saturday, 8:00 to 19:00. See you soon!");
    }

    /** Spam hidden and closed; orders and refunds tagged, urgent, and with the runner. */
    private void rulesFor(Actor runner) {
        rules.add(runner, new RuleDefinition("Spam", List.of("followers", "giveaway", "crypto", "promotion services",
                "from home", "more likes"),
                Optional.empty(), Set.of(), Set.of(), Set.of(), Optional.empty(), false, Optional.empty(),
                Optional.of("spam"), Optional.empty(), Optional.empty(), true, true, Set.of(), true));
        rules.add(runner, new RuleDefinition("Orders and refunds", List.of("refund", "charged twice", "damaged"),
                Optional.of("order\\s*#?\\d+|hasn't arrived|not as good"), Set.of(), Set.of(), Set.of(),
                Optional.empty(), false, Optional.empty(), Optional.of("support"), Optional.of(runner.userId()),
                Optional.of(Priority.HIGH), false, false, Set.of(), false));
    }

    /** The people an agency knows: its partner and its most followed fan are VIPs. */
    private void people(Actor runner) {
        Map<String, String> tags = Map.of("Northside Market", "partner", "Amara Nwosu", "press");
        contacts.page(runner, null, null, false, PageRequest.firstRows(100)).forEach(contact -> {
            String tag = tags.get(contact.getName());
            if (tag != null) {
                contacts.tag(runner, contact.getId(), tag);
                contacts.describe(runner, contact.getId(), contact.getName(), true, null);
            }
        });
    }
}
