package app.herald.engagement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.approval.application.ApprovalPolicies;
import app.herald.approval.domain.ApprovalMode;
import app.herald.approval.domain.PostState;
import app.herald.content.application.Channels;
import app.herald.content.domain.Network;
import app.herald.engagement.application.Contacts;
import app.herald.engagement.application.Conversations;
import app.herald.engagement.application.InboxBadges;
import app.herald.engagement.application.InboxPolicy;
import app.herald.engagement.application.InboxRules;
import app.herald.engagement.application.Intake;
import app.herald.engagement.application.Replies;
import app.herald.engagement.domain.Contact;
import app.herald.engagement.domain.Conversation;
import app.herald.engagement.domain.ConversationState;
import app.herald.engagement.domain.InboxSearch;
import app.herald.engagement.domain.InboxSettings;
import app.herald.engagement.domain.Interaction;
import app.herald.engagement.domain.Priority;
import app.herald.engagement.domain.Reply;
import app.herald.engagement.domain.RuleDefinition;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.paging.PageRequest;
import app.herald.publishing.application.SandboxFeed;
import app.herald.publishing.domain.Incoming;
import app.herald.publishing.domain.InteractionKind;
import app.herald.publishing.domain.Moderation;
import app.herald.publishing.domain.Person;
import app.herald.publishing.domain.PublicationState;
import app.herald.publishing.domain.ReplyTarget;
import app.herald.publishing.domain.SandboxIncoming;
import app.herald.publishing.domain.SandboxPost;
import app.herald.tenancy.application.TenantProvisioning;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.InTenant;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The inbox on the real server, with the job engine reading and sending: what the Sandbox's audience says arrives once
 * and in the right conversation, states follow who spoke last, answers go out exactly once (after their review when
 * the client asks for one), rules act, contacts link and unlink, and no client's inbox ever reaches another's people.
 */
@ExtendWith(ArquillianExtension.class)
class EngagementIT {

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(EngagementIT.class);
    }

    @Inject
    InTenant inTenant;
    @Inject
    Actors actors;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    TenantRegistry registry;
    @Inject
    ApprovalPolicies approvals;
    @Inject
    Channels channels;
    @Inject
    SandboxFeed sandbox;
    @Inject
    Conversations conversations;
    @Inject
    Replies replies;
    @Inject
    Contacts contacts;
    @Inject
    InboxRules rules;
    @Inject
    InboxPolicy policy;
    @Inject
    InboxBadges badges;
    @Inject
    Intake intake;
    @Resource
    UserTransaction transaction;

    private Actor owner() {
        return actors.byEmail(Demo.NORTHWIND_OWNER).orElseThrow();
    }

    private Actor actor(String email) {
        return actors.byEmail(email).orElseThrow();
    }

    /** A client of its own for each test, with one Sandbox channel and a post on it to comment on. */
    private record Client(long tenant, long channel, long post) {
    }

    /** Changes how answers are reviewed and whether clients see the inbox, keeping the business hours and target. */
    private void inboxSettings(Actor owner, long tenant, ApprovalMode mode, boolean clientsSee) {
        inTenant.call(owner, tenant, () -> {
            InboxSettings settings = policy.settings();
            return policy.change(owner, mode, clientsSee, settings.getBusinessHours(), settings.getSla());
        });
    }

    private Client client() {
        Actor owner = owner();
        long tenant = provisioning.create(owner, owner.agencyId().orElseThrow(), "Inbox " + UUID.randomUUID(),
                "Europe/Berlin").getId();
        return inTenant.call(owner, tenant, () -> {
            approvals.changeMode(owner, ApprovalMode.NONE);
            long channel = channels.add(owner, Network.SANDBOX, "@inbox-" + UUID.randomUUID().toString().substring(0, 8),
                    "Inbox test").getId();
            SandboxPost post = sandbox.post(channel, UUID.randomUUID().toString(), "Our new blend", 0, null);
            return new Client(tenant, channel, post.getId());
        });
    }

    private <T> T in(Client client, Supplier<T> work) {
        return inTenant.call(owner(), client.tenant(), work);
    }

    private SandboxIncoming say(Client client, String person, InteractionKind kind, String text, String parent) {
        return in(client, () -> sandbox.say(owner(), client.channel(), person, kind, text, parent));
    }

    private List<Conversation> all(Client client, Actor actor) {
        return inTenant.call(actor, client.tenant(), () -> conversations.page(actor, new InboxSearch(null, null, null,
                null, null, null, null, null, null, null, null), PageRequest.firstRows(100)));
    }

    /**
     * Waits up to two minutes: on MariaDB late in a full run, every client the earlier test classes made is read on
     * the same queue too, all due at once when the server starts, and a new client's first reading waits its turn
     * (it took over a minute once; the benchmark measures the delay itself).
     */
    private <T> T await(Supplier<T> read, Predicate<T> done, String what) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        T last = read.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            last = read.get();
        }
        assertTrue(done.test(last), what + "; last seen: " + last);
        return last;
    }

    private Conversation conversationWith(Client client, String words) throws InterruptedException {
        List<Conversation> found = await(() -> all(client, owner()), list -> list.stream()
                .anyMatch(c -> c.getPreview().contains(words)), "a conversation with \"" + words + "\" arrives");
        return found.stream().filter(c -> c.getPreview().contains(words)).findFirst().orElseThrow();
    }

    private Conversation reread(Client client, long conversationId) {
        return in(client, () -> conversations.find(owner(), conversationId));
    }

    private Interaction lastFromThem(Client client, long conversationId) {
        List<Interaction> items = in(client, () -> conversations.items(owner(), conversationId));
        return items.get(items.size() - 1);
    }

    @Test
    void aCommentBecomesANewConversationTheAnswerGoesOutOnceAndTheNextWordReopensIt() throws Exception {
        Client client = client();
        say(client, "maya", InteractionKind.COMMENT, "Is the new blend strong?", String.valueOf(client.post()));

        Conversation conversation = conversationWith(client, "Is the new blend strong?");
        assertEquals(ConversationState.NEW, conversation.getState());
        assertEquals(InteractionKind.COMMENT, conversation.getKind());
        assertTrue(conversation.getPublicationId().isEmpty(), "the post was put on the Sandbox by hand, not published");
        Interaction comment = lastFromThem(client, conversation.getId());

        Reply reply = in(client, () -> replies.write(owner(), conversation.getId(), comment.getId(),
                "Medium-strong, with a chocolate finish."));
        assertEquals(PublicationState.QUEUED, reply.getState(), "no review for this client: it goes out at once");
        Reply sent = await(() -> in(client, () -> replies.find(reply.getId())),
                r -> r.getState() == PublicationState.PUBLISHED, "the answer goes out");
        assertEquals(ConversationState.PENDING, reread(client, conversation.getId()).getState());
        List<SandboxPost> feed = in(client, () -> sandbox.feed(client.channel(), 20));
        assertEquals(1, feed.stream().filter(p -> p.getIdempotencyKey().equals(sent.getIdempotencyKey())).count(),
                "once on the network");
        assertEquals(Optional.of(comment.getNetworkItemId()), feed.get(0).getInReplyTo(), "under the comment");
        assertTrue(sent.responseTime().isPresent(), "its response time is measured");

        say(client, "maya", InteractionKind.REPLY, "Perfect, thanks!", sent.getNetworkPostId());
        await(() -> reread(client, conversation.getId()), c -> c.getState() == ConversationState.NEW,
                "the person's next word makes it NEW again");
        assertEquals(2, reread(client, conversation.getId()).getInboundCount());

        in(client, () -> {
            conversations.done(owner(), List.of(conversation.getId()));
            return null;
        });
        assertEquals(ConversationState.DONE, reread(client, conversation.getId()).getState());
        say(client, "maya", InteractionKind.REPLY, "One more question…", sent.getNetworkPostId());
        await(() -> reread(client, conversation.getId()), c -> c.getState() == ConversationState.NEW,
                "a word after DONE opens it again");
    }

    @Test
    void theSameItemsReadTwiceOrInParallelAreKeptOnce() throws Exception {
        Client client = client();
        String item = "in-" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Incoming comment = new Incoming(item, InteractionKind.COMMENT, new Person("sandbox:tom", "@tom", "Tom", null, 3L),
                "Twice?", "en", null, null, String.valueOf(client.post()), null, ReplyTarget.of(item), null,
                Instant.now(), false, false, null);
        Incoming like = new Incoming("like-" + item, InteractionKind.LIKE, new Person("sandbox:tom", "@tom", "Tom", null,
                3L), "", null, null, null, null, null, null, String.valueOf(client.post()), Instant.now(), false, false,
                null);
        Incoming own = new Incoming("own-" + item, InteractionKind.REPLY, new Person("sandbox:us", "@us", "Us", null,
                null), "Our own answer", null, null, null, item, null, ReplyTarget.of("own-" + item), null,
                Instant.now(), true, false, null);
        Runnable take = () -> in(client, () -> intake.take(channel(client), List.of(comment, like, own), Instant.now()));

        take.run();
        take.run();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> quietly(take));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> quietly(take));
        CompletableFuture.allOf(first, second).join();

        List<Conversation> found = all(client, owner());
        assertEquals(1, found.size(), "one conversation");
        assertEquals(1, found.get(0).getInboundCount(), "the comment counted once");
        List<Interaction> items = in(client, () -> conversations.items(owner(), found.get(0).getId()));
        assertEquals(1, items.size(), "the channel's own answer is not kept as theirs; the like is no conversation");
        List<Interaction> history = in(client, () -> contacts.history(owner(), found.get(0).getContactId(), 10));
        assertEquals(2, history.size(), "the comment and the like, once each");
    }

    /**
     * Two channels of one client read at the same moment, the same new people on both: each reading takes its turn
     * (as the inbox's reading job does), so both are kept and every person becomes one contact with one identity.
     * Without the turn, the second reading failed on the unique identity the first had just written (the engagement
     * benchmark found it on MariaDB).
     */
    @Test
    void twoChannelsOfOneClientMeetingTheSamePeopleAtOnceAreBothKept() throws Exception {
        Client client = client();
        long second = in(client, () -> channels.add(owner(), Network.SANDBOX, "@inbox-" + UUID.randomUUID().toString()
                .substring(0, 8), "Second channel").getId());
        String run = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36);
        CyclicBarrier together = new CyclicBarrier(2);
        Function<Long, CompletableFuture<Void>> reading = channelId -> CompletableFuture.runAsync(
                () -> in(client, () -> {
                    List<Incoming> said = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        Person person = new Person("sandbox:fan" + i + "-" + run, "@fan" + i, "Fan " + i, null, 1L);
                        said.add(new Incoming("m-" + channelId + "-" + i + "-" + run, InteractionKind.MENTION, person,
                                "Hello from fan " + i + " " + run, null, null, null, null, null,
                                ReplyTarget.of("m-" + i), null, Instant.now(), false, false, null));
                    }
                    try {
                        together.await(10, TimeUnit.SECONDS);
                        transaction.begin();
                        intake.takeTurn();
                        intake.take(channels.find(channelId), said, Instant.now());
                        transaction.commit();
                    } catch (Exception e) {
                        throw new IllegalStateException("the reading of channel " + channelId + " failed", e);
                    }
                    return null;
                }));
        CompletableFuture.allOf(reading.apply(client.channel()), reading.apply(second)).join();

        List<Conversation> found = all(client, owner());
        assertEquals(40, found.size(), "every mention on both channels");
        assertEquals(20, found.stream().map(Conversation::getContactId).distinct().count(), "one contact per person");
    }

    private app.herald.content.domain.Channel channel(Client client) {
        return channels.find(client.channel());
    }

    private static void quietly(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException lostTheRace) {
            // The other reading stored the same items first; its commit is the one that counts.
        }
    }

    @Test
    void withReviewTheAnswerWaitsForTheAgencyThenTheClientAndOnlyThenGoesOut() throws Exception {
        Client client = inAcme();
        Actor owner = owner();
        Actor editor = actor(Demo.NORTHWIND_EDITOR);
        Actor approver = actor(Demo.ACME_APPROVER);
        inboxSettings(owner, client.tenant(), ApprovalMode.INTERNAL_THEN_CLIENT, false);
        try {
            say(client, "lukas", InteractionKind.COMMENT, "Why is my order late? " + UUID.randomUUID(),
                    String.valueOf(client.post()));
            Conversation conversation = conversationWith(client, "Why is my order late?");
            Interaction comment = lastFromThem(client, conversation.getId());

            Reply reply = inTenant.call(editor, client.tenant(), () -> replies.write(editor, conversation.getId(),
                    comment.getId(), "Sorry Lukas, it ships tomorrow."));
            assertEquals(PublicationState.HELD, reply.getState());
            assertEquals(PostState.IN_REVIEW, reply.getReviewState());
            assertThrows(RuleViolation.class, () -> inTenant.call(approver, client.tenant(),
                    () -> replies.approve(approver, reply.getId(), null)), "the agency decides first");

            inTenant.call(owner, client.tenant(), () -> replies.approve(owner, reply.getId(), "Fine"));
            Reply atClient = inTenant.call(owner, client.tenant(), () -> replies.find(reply.getId()));
            assertEquals(PostState.CLIENT_REVIEW, atClient.getReviewState());
            assertEquals(PublicationState.HELD, atClient.getState(), "still held");
            assertTrue(inTenant.call(approver, client.tenant(), () -> replies.awaiting(approver)).stream()
                    .anyMatch(r -> r.getId().equals(reply.getId())), "waits for the client approver");
            Thread.sleep(1500);
            assertTrue(in(client, () -> sandbox.feed(client.channel(), 20)).stream()
                    .noneMatch(p -> p.getIdempotencyKey().equals(reply.getIdempotencyKey())), "nothing went out yet");

            inTenant.call(approver, client.tenant(), () -> replies.approve(approver, reply.getId(), null));
            await(() -> inTenant.call(owner, client.tenant(), () -> replies.find(reply.getId())),
                    r -> r.getState() == PublicationState.PUBLISHED, "approved by the client, it goes out");
        } finally {
            inboxSettings(owner, client.tenant(), ApprovalMode.NONE, false);
        }
    }

    /** Acme Coffee itself (the demo's client with an approver), with a Sandbox channel and a post of its own. */
    private Client inAcme() {
        Actor owner = owner();
        long tenant = registry.all().stream().filter(t -> t.getName().equals(Demo.ACME)).findFirst().orElseThrow()
                .getId();
        return inTenant.call(owner, tenant, () -> {
            long channel = channels.all().stream().filter(c -> c.getNetwork() == Network.SANDBOX).findFirst()
                    .orElseThrow().getId();
            SandboxPost post = sandbox.post(channel, UUID.randomUUID().toString(), "Acme news", 0, null);
            return new Client(tenant, channel, post.getId());
        });
    }

    @Test
    void rulesTagHideAssignAndStopAndAPatternThatBacktracksWithoutEndIsRefused() throws Exception {
        Client client = client();
        Actor owner = owner();
        Actor editor = actor(Demo.NORTHWIND_EDITOR);
        assertThrows(RuleViolation.class, () -> in(client, () -> rules.add(owner, definition("Bad", List.of(),
                Optional.of("((a+)+)+b"), Optional.of("x"), Optional.empty(), false, false))));
        assertThrows(AccessDenied.class, () -> in(client, () -> rules.add(editor, definition("Editors may not",
                List.of("spam"), Optional.empty(), Optional.of("x"), Optional.empty(), false, false))),
                "owners and managers write rules");
        in(client, () -> rules.add(owner, definition("Spam", List.of("cheap followers", "giveaway"),
                Optional.empty(), Optional.of("spam"), Optional.empty(), true, true)));
        in(client, () -> rules.add(owner, definition("Orders", List.of(), Optional.of("order\\s*#?\\d+"),
                Optional.of("orders"), Optional.of(Priority.HIGH), false, false)));

        say(client, "deals4u", InteractionKind.COMMENT, "Get CHEAP FOLLOWERS and order #1 now", String.valueOf(client.post()));
        say(client, "elena", InteractionKind.MESSAGE, "Where is order #4417?", null);

        Conversation spam = conversationWith(client, "CHEAP FOLLOWERS");
        assertEquals(List.of("spam"), spam.getTags(), "the first rule stops the rest");
        assertEquals(Priority.NORMAL, spam.getPriority());
        assertTrue(lastFromThem(client, spam.getId()).isHidden(), "hidden");
        Conversation order = conversationWith(client, "order #4417");
        assertEquals(List.of("orders"), order.getTags());
        assertEquals(Priority.HIGH, order.getPriority());

        InboxRules.Preview preview = in(client, () -> rules.preview(owner, definition("Try", List.of("order"),
                Optional.empty(), Optional.of("x"), Optional.empty(), false, false)));
        assertEquals(2, preview.matched(), "both mention an order (whole words, any case)");
    }

    private static RuleDefinition definition(String name, List<String> words, Optional<String> pattern,
                                             Optional<String> tag, Optional<Priority> priority, boolean hide,
                                             boolean stop) {
        return new RuleDefinition(name, words, pattern, Set.of(), Set.of(), Set.of(), Optional.empty(), false,
                Optional.empty(), tag, Optional.empty(), priority, false, hide, Set.of(), stop);
    }

    @Test
    void theSameItemsTextIsKeptAsSentAndAMegabyteIsCutWithANoteThatSaysSo() throws Exception {
        Client client = client();
        String script = "<script>alert('x')</script> & <b>bold</b> " + UUID.randomUUID();
        say(client, "tom", InteractionKind.MESSAGE, script, null);
        Conversation conversation = conversationWith(client, "alert");
        assertEquals(script, lastFromThem(client, conversation.getId()).getBody(), "kept as sent; screens escape it");

        String huge = "x".repeat(1_048_576);
        Incoming flood = new Incoming("huge-" + UUID.randomUUID(), InteractionKind.MENTION,
                new Person("sandbox:zoe", "@zoe", "Zoë", null, null), huge, null, null, null, null, null,
                ReplyTarget.of("huge"), null, Instant.now(), false, false, null);
        in(client, () -> intake.take(channel(client), List.of(flood), Instant.now()));
        Conversation big = all(client, owner()).stream().filter(c -> c.getKind() == InteractionKind.MENTION)
                .findFirst().orElseThrow();
        String kept = lastFromThem(client, big.getId()).getBody();
        assertTrue(kept.length() < 21_000, "not a megabyte: " + kept.length());
        assertTrue(kept.endsWith("[Herald kept the first 20,000 of 1,048,576 characters.]"), kept.substring(20_000));

        Interaction answered = lastFromThem(client, conversation.getId());
        assertThrows(RuleViolation.class, () -> in(client, () -> replies.write(owner(), conversation.getId(),
                answered.getId(), "   ")), "an empty answer");
        assertThrows(RuleViolation.class, () -> in(client, () -> replies.write(owner(), conversation.getId(),
                answered.getId(), "y".repeat(5_001))), "longer than the Sandbox takes");
        assertEquals(List.of(), in(client, () -> replies.of(owner(), conversation.getId())), "nothing stored");
    }

    @Test
    void contactsLinkIntoOnePersonAndUnlinkAgainWithTheirHistory() throws Exception {
        Client client = client();
        Actor owner = owner();
        say(client, "priya", InteractionKind.MESSAGE, "Hello from Priya", null);
        say(client, "sofia", InteractionKind.MESSAGE, "Hello from Sofía", null);
        Conversation fromPriya = conversationWith(client, "Hello from Priya");
        Conversation fromSofia = conversationWith(client, "Hello from Sofía");

        Contact linked = in(client, () -> contacts.link(owner, fromPriya.getContactId(), fromSofia.getContactId()));
        assertEquals(2, in(client, () -> contacts.identities(List.of(linked.getId()))).get(linked.getId()).size());
        assertEquals(2, in(client, () -> contacts.history(owner, linked.getId(), 10)).size());
        assertEquals(linked.getId(), reread(client, fromSofia.getId()).getContactId(), "the thread follows its person");
        assertThrows(AccessDenied.class, () -> in(client, () -> contacts.find(owner, fromSofia.getContactId())),
                "the other contact is gone");

        long sofiasAccount = in(client, () -> contacts.identities(List.of(linked.getId()))).get(linked.getId()).stream()
                .filter(i -> i.getHandle().contains("sofia")).findFirst().orElseThrow().getId();
        Contact alone = in(client, () -> contacts.unlink(owner, linked.getId(), sofiasAccount));
        assertEquals(1, in(client, () -> contacts.history(owner, alone.getId(), 10)).size());
        assertEquals(alone.getId(), reread(client, fromSofia.getId()).getContactId());
        assertEquals(1, in(client, () -> contacts.history(owner, linked.getId(), 10)).size());

        List<Contacts.Ranked> top = in(client, () -> contacts.top(owner, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plusSeconds(60), 10));
        assertEquals(2, top.size());
        assertEquals(5, top.get(0).score(), "a message weighs five");
    }

    @Test
    void noInboxReachesAnotherClientsPeopleNorAnotherAgencyNorClientsWhoWereNotLetIn() throws Exception {
        Client acme = inAcme();
        Actor owner = owner();
        Actor editor = actor(Demo.NORTHWIND_EDITOR);
        Actor approver = actor(Demo.ACME_APPROVER);
        Actor globexApprover = actor(Demo.GLOBEX_APPROVER);
        Actor stranger = actor(Demo.SOUTHWIND_OWNER);
        long globex = registry.all().stream().filter(t -> t.getName().equals(Demo.GLOBEX)).findFirst().orElseThrow()
                .getId();
        inboxSettings(owner, acme.tenant(), ApprovalMode.NONE, false);
        say(acme, "omar", InteractionKind.MESSAGE, "A secret for Acme " + UUID.randomUUID(), null);
        Conversation secret = conversationWith(acme, "A secret for Acme");
        in(acme, () -> conversations.note(owner, secret.getId(), "Internal: VIP customer", Set.of()));

        assertThrows(AccessDenied.class, () -> inTenant.call(editor, globex, () -> null),
                "an editor limited to Acme cannot enter Globex");
        assertThrows(AccessDenied.class, () -> inTenant.call(stranger, acme.tenant(), () -> null),
                "another agency cannot enter Acme");
        assertThrows(AccessDenied.class, () -> inTenant.call(globexApprover, acme.tenant(), () -> null));
        // Ids are per client schema and Globex's demo stream keeps making conversations, so the same number may name
        // one of Globex's own there: whatever it names in Globex, it is never Acme's.
        Optional<Conversation> forged = inTenant.call(owner, globex, () -> {
            try {
                return Optional.of(conversations.find(owner, secret.getId()));
            } catch (AccessDenied none) {
                return Optional.empty();
            }
        });
        assertTrue(forged.stream().noneMatch(c -> c.getPreview().contains("A secret for Acme")),
                "Acme's conversation id forged into Globex never finds Acme's conversation");
        assertThrows(AccessDenied.class, () -> inTenant.call(owner, globex, () -> conversations.find(owner,
                Long.MAX_VALUE)), "an id nobody has finds nothing");
        assertTrue(inTenant.call(owner, globex, () -> conversations.page(owner, InboxSearch.everything(),
                PageRequest.firstRows(100))).stream().noneMatch(c -> c.getPreview().contains("A secret for Acme")));
        assertThrows(AccessDenied.class, () -> inTenant.call(approver, acme.tenant(),
                () -> conversations.page(approver, InboxSearch.everything(), PageRequest.firstRows(10))),
                "the client's people read the inbox only when the client's settings allow it");

        inboxSettings(owner, acme.tenant(), ApprovalMode.NONE, true);
        try {
            assertFalse(inTenant.call(approver, acme.tenant(), () -> conversations.page(approver,
                    InboxSearch.everything(), PageRequest.firstRows(100))).isEmpty());
            assertThrows(AccessDenied.class, () -> inTenant.call(approver, acme.tenant(),
                    () -> conversations.notes(approver, secret.getId())), "never the internal notes");
            assertThrows(AccessDenied.class, () -> inTenant.call(approver, acme.tenant(), () -> {
                conversations.done(approver, List.of(secret.getId()));
                return null;
            }), "clients read only");
        } finally {
            inboxSettings(owner, acme.tenant(), ApprovalMode.NONE, false);
        }
        // Globex's demo stream keeps arriving while this runs, so its own count is read on both sides of the badges.
        long globexBefore = inTenant.call(owner, globex, () -> conversations.countInState(ConversationState.NEW));
        Map<Long, Integer> waiting = badges.waiting(List.of(acme.tenant(), globex));
        long globexAfter = inTenant.call(owner, globex, () -> conversations.countInState(ConversationState.NEW));
        assertTrue(waiting.getOrDefault(acme.tenant(), 0) >= 1, "Acme's waiting count: " + waiting);
        long globexBadge = waiting.getOrDefault(globex, 0);
        assertTrue(globexBefore <= globexBadge && globexBadge <= globexAfter, "each client counts only its own: "
                + globexBefore + " <= " + globexBadge + " <= " + globexAfter);
        assertThrows(AccessDenied.class, () -> inTenant.call(owner, acme.tenant(), () -> conversations.moderate(owner,
                Long.MAX_VALUE, Moderation.HIDE)), "a forged item id");
    }

    @Test
    void analystsReadButNeitherAnswerNorChangeAnything() throws Exception {
        Client client = inAcme();
        Actor analyst = actor(Demo.NORTHWIND_ANALYST);
        say(client, "ben", InteractionKind.MESSAGE, "Analysts look " + UUID.randomUUID(), null);
        Conversation conversation = conversationWith(client, "Analysts look");
        Interaction item = lastFromThem(client, conversation.getId());
        List<Conversation> seen = new ArrayList<>(inTenant.call(analyst, client.tenant(), () -> conversations.page(
                analyst, InboxSearch.inState(ConversationState.NEW), PageRequest.firstRows(100))));
        assertTrue(seen.stream().anyMatch(c -> c.getId().equals(conversation.getId())));
        assertThrows(AccessDenied.class, () -> inTenant.call(analyst, client.tenant(), () -> replies.write(analyst,
                conversation.getId(), item.getId(), "No")));
        assertThrows(AccessDenied.class, () -> inTenant.call(analyst, client.tenant(), () -> conversations.moderate(
                analyst, item.getId(), Moderation.HIDE)));
    }
}
