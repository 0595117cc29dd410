package app.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.approval.application.ApprovalPolicies;
import app.herald.content.application.Comments;
import app.herald.approval.domain.ApprovalMode;
import app.herald.content.application.ReviewLinks;
import app.herald.content.domain.Comment;
import app.herald.approval.domain.Decision;
import app.herald.approval.domain.DecisionRecord;
import app.herald.approval.domain.PostState;
import app.herald.content.application.Channels;
import app.herald.content.application.Campaigns;
import app.herald.content.application.MediaLibrary;
import app.herald.content.application.PostImport;
import app.herald.content.application.PostingQueue;
import app.herald.content.application.PostLists;
import app.herald.content.application.Posts;
import app.herald.content.domain.ImportReport;
import app.herald.content.domain.MediaFile;
import app.herald.content.domain.Network;
import app.herald.content.infrastructure.MediaStore;
import app.herald.content.domain.Post;
import app.herald.content.domain.PostSearch;
import app.herald.content.domain.PostingSlot;
import app.herald.content.domain.SlotSchedule;
import app.herald.identity.application.Actors;
import app.herald.identity.application.Invitations;
import app.herald.identity.application.OneTimeLinks;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.OneTimeToken.Purpose;
import app.herald.identity.domain.Role;
import app.herald.identity.domain.User;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.paging.PageRequest;
import app.herald.overview.application.ClientOverviews;
import app.herald.overview.domain.Glance;
import app.herald.overview.domain.Overview;
import app.herald.tenancy.application.TenantProvisioning;
import app.herald.tenancy.application.TenantRegistry;
import app.herald.tenancy.domain.TenantRef;
import app.herald.testsupport.Demo;
import app.herald.testsupport.HeraldDeployment;
import app.herald.testsupport.InTenant;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Composing and reviewing posts on the real server: several reviewers, the client's approval, and the fences. */
@ExtendWith(ArquillianExtension.class)
class ContentIT {

    @Deployment
    static WebArchive deployment() {
        return HeraldDeployment.war(ContentIT.class);
    }

    @Inject
    Posts posts;
    @Inject
    PostLists postLists;
    @Inject
    ClientOverviews overviews;
    @Inject
    Channels channels;
    @Inject
    InTenant inTenant;
    @Inject
    Actors actors;
    @Inject
    Invitations invitations;
    @Inject
    OneTimeLinks links;
    @Inject
    TenantRegistry registry;
    @Resource
    UserTransaction tx;
    @Inject
    ReviewLinks reviewLinks;
    @Inject
    Comments comments;
    @Inject
    PostingQueue queue;
    @Inject
    PostImport postImport;
    @Inject
    ApprovalPolicies policies;
    @Inject
    TenantProvisioning provisioning;
    @Inject
    MediaLibrary media;
    @Inject
    MediaStore store;
    @Inject
    Campaigns campaigns;
    @Inject
    app.herald.tenancy.application.TenantWork work;
    @Inject
    app.herald.content.application.DailyDigest digest;
    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;

    private Actor actor(String email) {
        return actors.byEmail(email).orElseThrow();
    }

    private long tenant(String name) {
        return registry.all().stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow().getId();
    }

    /** A second reviewer for Northwind: a manager, invited and accepted. */
    private Actor newManager() throws Exception {
        String email = "manager-" + UUID.randomUUID().toString().substring(0, 8) + "@northwind.test";
        invitations.inviteMember(actor(Demo.NORTHWIND_OWNER), email, Role.MANAGER, Set.of());
        User user = actors.userByEmail(email).orElseThrow();
        tx.begin();
        String link = links.issue(user, Purpose.INVITATION, Duration.ofHours(1), Invitations.ACCEPT_PAGE);
        tx.commit();
        invitations.accept(link.substring(link.indexOf("token=") + 6), "Mia Manager", "manager passphrase 1");
        return actor(email);
    }

    private long sandboxChannel(Actor editor, long tenant) {
        String handle = "@demo-" + UUID.randomUUID().toString().substring(0, 8);
        return inTenant.call(editor, tenant, () -> channels.add(editor, Network.SANDBOX, handle, "Demo feed").getId());
    }

    @Test
    void aPostPassesSeveralReviewersThenTheClient() throws Exception {
        long acme = tenant(Demo.ACME);
        Actor editor = actor(Demo.NORTHWIND_EDITOR);
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        Actor manager = newManager();
        Actor analyst = actor(Demo.NORTHWIND_ANALYST);
        Actor client = actor(Demo.ACME_APPROVER);
        long channel = sandboxChannel(editor, acme);

        long postId = inTenant.call(editor, acme, () -> {
            Post post = posts.draft(editor, "Autumn blend", "Our autumn blend is here.", Set.of(channel));
            posts.save(editor, post.getId(), "Autumn blend", "Our autumn blend is here.",
                    Map.of(channel, "Our autumn blend is here, roasted in Berlin."));
            return posts.submit(editor, post.getId()).getId();
        });
        assertEquals(PostState.IN_REVIEW, state(editor, acme, postId));
        assertTrue(inTenant.call(owner, acme, () -> posts.awaiting(owner)).stream().anyMatch(p -> p.getId() == postId));
        assertTrue(inTenant.call(manager, acme, () -> posts.awaiting(manager)).stream().anyMatch(p -> p.getId() == postId));
        assertTrue(inTenant.call(client, acme, () -> posts.awaiting(client)).stream().noneMatch(p -> p.getId() == postId),
                "the client waits for the agency");
        assertThrows(AccessDenied.class, () -> inTenant.call(client, acme, () -> posts.find(client, postId)),
                "a post in internal review is the agency's");
        assertTrue(inTenant.call(client, acme, () -> postLists.page(client, PostSearch.of("Autumn blend", null),
                PageRequest.firstRows(PageRequest.MAX_SIZE))).stream().noneMatch(p -> p.getId() == postId),
                "not even in the client's list");
        assertThrows(AccessDenied.class, () -> inTenant.call(client, acme, () -> comments.visible(client, postId)));
        assertThrows(AccessDenied.class, () -> inTenant.call(client, acme,
                () -> comments.add(client, postId, null, "Sneak peek?", false)));

        assertThrows(RuleViolation.class, () -> inTenant.call(analyst, acme, () -> posts.approve(analyst, postId, null)));
        assertThrows(RuleViolation.class, () -> inTenant.call(client, acme, () -> posts.approve(client, postId, null)));
        inTenant.call(manager, acme, () -> posts.approve(manager, postId, "Good copy"));
        assertEquals(PostState.CLIENT_REVIEW, state(editor, acme, postId), "any one agency reviewer suffices");
        assertEquals(postId, inTenant.call(client, acme, () -> posts.find(client, postId)).getId(),
                "the client sees the post from its own step on");
        assertTrue(inTenant.call(client, acme, () -> posts.history(client, postId)).isEmpty(),
                "but not the agency's decisions and their comments");
        assertFalse(inTenant.call(owner, acme, () -> posts.awaiting(owner)).stream().anyMatch(p -> p.getId() == postId));

        inTenant.call(client, acme, () -> posts.approve(client, postId, "Lovely"));
        assertEquals(PostState.APPROVED, state(editor, acme, postId));
        List<DecisionRecord> history = inTenant.call(editor, acme, () -> posts.history(editor, postId));
        assertEquals(List.of(Decision.Kind.SUBMITTED, Decision.Kind.APPROVED, Decision.Kind.APPROVED),
                history.stream().map(DecisionRecord::getKind).toList());
        assertEquals("Mia Manager", history.get(1).getUserName());
        assertEquals(List.of("Lovely"), inTenant.call(client, acme, () -> posts.history(client, postId)).stream()
                .map(d -> d.toDecision().comment()).toList(), "the client reads its own step's decisions");

        Instant later = Instant.now().plus(Duration.ofDays(3));
        inTenant.call(editor, acme, () -> posts.schedule(editor, postId, later));
        assertEquals(PostState.APPROVED, state(editor, acme, postId), "moving an approved post keeps its approval");

        inTenant.call(editor, acme, () -> posts.save(editor, postId, "Autumn blend", "Our autumn blend is here.",
                Map.of(channel, "Our autumn blend is here, now with 20% off.")));
        assertEquals(PostState.IN_REVIEW, state(editor, acme, postId), "editing an approved post sends it back");
        assertEquals(postId, inTenant.call(client, acme, () -> posts.find(client, postId)).getId(),
                "what the client once reviewed stays visible to it");
        var changes = inTenant.call(editor, acme, () -> posts.changesSinceApproval(postId));
        assertEquals(1, changes.size(), "one variant changed");
        assertTrue(changes.values().iterator().next().stream()
                .anyMatch(r -> r.change() == app.herald.content.domain.WordDiff.Change.ADDED && r.text().contains("20% off")),
                changes.toString());
    }

    @Test
    void aVariantOverItsNetworksLimitCannotBeSubmitted() {
        long acme = tenant(Demo.ACME);
        Actor editor = actor(Demo.NORTHWIND_EDITOR);
        long channel = sandboxChannel(editor, acme);
        RuleViolation refused = assertThrows(RuleViolation.class, () -> inTenant.call(editor, acme, () -> {
            Post post = posts.draft(editor, "Too long", "x".repeat(5001), Set.of(channel));
            return posts.submit(editor, post.getId());
        }));
        assertTrue(refused.getMessage().contains("Shorten it by 1"), refused.getMessage());
        assertThrows(RuleViolation.class, () -> inTenant.call(editor, acme, () -> {
            Post post = posts.draft(editor, "No channel", "Hello", Set.of());
            return posts.submit(editor, post.getId());
        }));
    }

    @Test
    void postsAndChannelsStayInsideTheirTenant() {
        long acme = tenant(Demo.ACME);
        long globex = tenant(Demo.GLOBEX);
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        long acmeChannel = sandboxChannel(owner, acme);
        long acmePost = inTenant.call(owner, acme, () -> posts.draft(owner, "Acme secret", "Launch plan", Set.of(acmeChannel)).getId());
        Actor globexApprover = actor(Demo.GLOBEX_APPROVER);
        assertThrows(AccessDenied.class, () -> inTenant.call(globexApprover, acme, () -> posts.find(acmePost)));
        assertEquals(0, inTenant.call(owner, globex, () -> postLists.count(owner, PostSearch.of("Acme secret", null))));
        assertThrows(RuntimeException.class, () -> inTenant.call(owner, globex,
                () -> posts.draft(owner, "Borrowed channel", "x", Set.of(acmeChannel + 100_000))),
                "a channel id that is not the tenant's");
        assertThrows(AccessDenied.class, () -> inTenant.call(actor(Demo.NORTHWIND_ANALYST), acme,
                () -> posts.draft(actor(Demo.NORTHWIND_ANALYST), "Analyst post", "x", Set.of())), "analysts do not write");
    }

    @Test
    void theListOfPostsIsReadAPageAtATimeAndShowsEachPersonOnlyWhatTheyMaySee() {
        long acme = tenant(Demo.ACME);
        Actor editor = actor(Demo.NORTHWIND_EDITOR);
        String tag = "pg" + UUID.randomUUID().toString().substring(0, 6);
        long channel = sandboxChannel(editor, acme);
        for (char letter = 'a'; letter < 'a' + 12; letter++) {
            String title = tag + " draft " + letter;
            inTenant.call(editor, acme, () -> posts.draft(editor, title, "Plain text", Set.of(channel)));
        }
        inTenant.call(editor, acme, () -> posts.draft(editor, tag + " sale", "Now 50% off " + tag, Set.of(channel)));
        long sent = postInClientReview(acme, tag + " sent");

        PostSearch mine = PostSearch.of(tag.toUpperCase(java.util.Locale.ROOT), null);
        assertEquals(14, inTenant.call(editor, acme, () -> postLists.count(editor, mine)), "any case");
        List<Post> first = inTenant.call(editor, acme, () -> postLists.page(editor, mine, PageRequest.firstRows(10)));
        assertEquals(10, first.size());
        assertEquals(sent, first.get(0).getId(), "the newest change first");
        List<Post> second = inTenant.call(editor, acme,
                () -> postLists.page(editor, mine, new PageRequest(10, 10, java.util.Optional.empty(), true)));
        assertEquals(4, second.size(), "the rest on the second page");
        assertTrue(second.stream().noneMatch(p -> first.stream().anyMatch(f -> f.getId().equals(p.getId()))));
        assertEquals(List.of(tag + " draft a", tag + " draft b"), inTenant.call(editor, acme,
                () -> postLists.page(editor, mine, PageRequest.sorted(0, 2, "title", true))).stream().map(Post::getTitle).toList());
        assertEquals(13, inTenant.call(editor, acme, () -> postLists.count(editor, PostSearch.of(tag, PostState.DRAFT))));
        assertEquals(1, inTenant.call(editor, acme, () -> postLists.count(editor, PostSearch.of("50% OFF " + tag, null))));
        assertEquals(0, inTenant.call(editor, acme, () -> postLists.count(editor, PostSearch.of("5_% off " + tag, null))),
                "a typed _ is a character, not a wildcard");

        Actor client = actor(Demo.ACME_APPROVER);
        assertEquals(List.of(sent), inTenant.call(client, acme, () -> postLists.page(client, mine, PageRequest.firstRows(25)))
                .stream().map(Post::getId).toList(), "the client sees what was sent to it, not the drafts");
        assertEquals(1, inTenant.call(client, acme, () -> postLists.count(client, mine)));
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        assertEquals(0, inTenant.call(owner, tenant(Demo.GLOBEX), () -> postLists.count(owner, mine)), "another client's list");

        assertThrows(RuleViolation.class, () -> inTenant.call(editor, acme,
                () -> postLists.page(editor, mine, PageRequest.sorted(0, 10, "baseText", true))), "only offered sort fields");
        assertThrows(RuleViolation.class, () -> PageRequest.firstRows(PageRequest.MAX_SIZE + 1));
        assertThrows(RuleViolation.class, () -> PostSearch.of(tag + "\u202E", null), "a direction override");
        assertThrows(RuleViolation.class, () -> PostSearch.of("x".repeat(app.herald.kernel.paging.SearchWords.MAX + 1), null), "not cut");
    }

    @Test
    void theClientsHomeAndTheAgencysGlanceCountWhatWaitsAndWhatIsDue() {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        Actor manager = actor("manager@northwind.test");
        long tenant = provisioning.create(owner, owner.agencyId().orElseThrow(), "Overview " + UUID.randomUUID(),
                "Europe/Paris").getId();
        assertEquals(new Glance(0, 0, 0, 0, null, null), inTenant.call(owner, tenant, () -> overviews.glance(owner)));
        long channel = sandboxChannel(owner, tenant);
        long soon = inTenant.call(owner, tenant, () -> {
            long id = posts.draft(owner, "Tomorrow", "Going out tomorrow", Set.of(channel)).getId();
            posts.schedule(owner, id, Instant.now().plus(Duration.ofDays(1)));
            return posts.submit(owner, id).getId();
        });
        inTenant.call(owner, tenant, () -> {
            long id = posts.draft(owner, "Later", "Going out in three weeks", Set.of(channel)).getId();
            return posts.schedule(owner, id, Instant.now().plus(Duration.ofDays(21)));
        });

        Glance inReview = inTenant.call(owner, tenant, () -> overviews.glance(owner));
        assertEquals(new Glance(1, 1, 0, 0, null, null), inReview, "due within 7 days, in internal review");
        Overview home = inTenant.call(manager, tenant, () -> overviews.overview(manager));
        assertEquals(List.of(soon), home.waitingForMe().stream().map(Post::getId).toList(), "the manager decides next");
        assertEquals(List.of(soon), home.nextSevenDays().stream().map(Post::getId).toList(), "not the one in three weeks");

        inTenant.call(manager, tenant, () -> posts.approve(manager, soon, null));
        assertEquals(new Glance(1, 0, 1, 0, null, null), inTenant.call(owner, tenant, () -> overviews.glance(owner)),
                "now waiting for the client");
        assertTrue(inTenant.call(manager, tenant, () -> overviews.overview(manager)).waitingForMe().isEmpty());
    }

    private long postInClientReview(long tenant, String title) {
        Actor editor = actor(Demo.NORTHWIND_EDITOR);
        Actor manager = actor("manager@northwind.test");
        long channel = sandboxChannel(editor, tenant);
        long id = inTenant.call(editor, tenant, () -> {
            Post post = posts.draft(editor, title, "Text of " + title, Set.of(channel));
            return posts.submit(editor, post.getId()).getId();
        });
        inTenant.call(manager, tenant, () -> posts.approve(manager, id, null));
        return id;
    }

    private static String secretOf(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    @Test
    void aReviewLinkDecidesOnItsOnePostOnceAndOnlyUntilItExpires() throws Exception {
        long acme = tenant(Demo.ACME);
        TenantRef acmeRef = registry.find(acme).orElseThrow().ref();
        long approver = actor(Demo.ACME_APPROVER).userId();
        long first = postInClientReview(acme, "Linked " + UUID.randomUUID());
        long second = postInClientReview(acme, "Other " + UUID.randomUUID());
        String secret = secretOf(reviewLinks.issue(acmeRef, first, approver));

        assertEquals(first, inTenant.inRequest(() -> reviewLinks.preview(secret)).postId());
        String tampered = secret.substring(0, 42) + (secret.charAt(42) == 'A' ? 'B' : 'A');
        assertThrows(RuleViolation.class, () -> inTenant.inRequest(() -> reviewLinks.preview(tampered)));
        assertThrows(RuleViolation.class, () -> inTenant.inRequest(() -> reviewLinks.preview("../../etc/passwd")));
        assertThrows(AccessDenied.class, () -> inTenant.inRequest(
                () -> reviewLinks.decide(secret, second, ReviewLinks.Verdict.APPROVE, null)), "the link opens one post only");
        assertEquals(PostState.CLIENT_REVIEW, state(actor(Demo.NORTHWIND_EDITOR), acme, second));

        inTenant.inRequest(() -> reviewLinks.decide(secret, first, ReviewLinks.Verdict.APPROVE, "Yes"));
        assertEquals(PostState.APPROVED, state(actor(Demo.NORTHWIND_EDITOR), acme, first));
        RuleViolation reused = assertThrows(RuleViolation.class, () -> inTenant.inRequest(
                () -> reviewLinks.decide(secret, first, ReviewLinks.Verdict.REJECT, "Changed my mind")));
        assertTrue(reused.getMessage().contains("already made"), reused.getMessage());
        assertEquals(PostState.APPROVED, state(actor(Demo.NORTHWIND_EDITOR), acme, first));

        String expiring = secretOf(reviewLinks.issue(acmeRef, second, approver));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE review_link SET expires_at = 1 WHERE post_id = " + second + " AND tenant_id = " + acme);
        }
        RuleViolation expired = assertThrows(RuleViolation.class,
                () -> inTenant.inRequest(() -> reviewLinks.decide(expiring, second, ReviewLinks.Verdict.APPROVE, null)));
        assertTrue(expired.getMessage().contains("expired"), expired.getMessage());
        assertEquals(PostState.CLIENT_REVIEW, state(actor(Demo.NORTHWIND_EDITOR), acme, second));

        long globex = tenant(Demo.GLOBEX);
        TenantRef globexRef = registry.find(globex).orElseThrow().ref();
        String foreign = secretOf(reviewLinks.issue(globexRef, second, approver));
        assertThrows(AccessDenied.class, () -> inTenant.inRequest(() -> reviewLinks.preview(foreign)),
                "a link naming another tenant does not open it for Acme's approver");
    }

    @Test
    void internalNotesAndTheirRepliesStayWithTheAgency() {
        long acme = tenant(Demo.ACME);
        Actor editor = actor(Demo.NORTHWIND_EDITOR);
        Actor client = actor(Demo.ACME_APPROVER);
        long postId = postInClientReview(acme, "Discussed " + UUID.randomUUID());
        String secretNote = "Internal: the client dislikes orange " + UUID.randomUUID();
        Comment note = inTenant.call(editor, acme, () -> comments.add(editor, postId, null, secretNote, true));
        Comment question = inTenant.call(editor, acme,
                () -> comments.add(editor, postId, null, "Hi @approver@acme.test, is the colour right?", false));
        assertEquals(Set.of("approver@acme.test"), question.mentions());
        inTenant.call(client, acme, () -> comments.add(client, postId, question.getId(), "Yes, lovely", false));
        Comment staffReply = inTenant.call(editor, acme,
                () -> comments.add(editor, postId, note.getId(), "Agreed, avoid orange", false));
        assertTrue(staffReply.isInternal(), "a reply to an internal note stays internal");

        List<String> clientSees = inTenant.call(client, acme, () -> comments.visible(client, postId)).stream()
                .map(Comment::getBody).toList();
        assertEquals(List.of("Hi @approver@acme.test, is the colour right?", "Yes, lovely"), clientSees);
        assertEquals(4, inTenant.call(editor, acme, () -> comments.visible(editor, postId)).size());
        assertThrows(AccessDenied.class, () -> inTenant.call(client, acme,
                () -> comments.add(client, postId, null, "sneaky", true)), "clients write no internal notes");
        assertThrows(AccessDenied.class, () -> inTenant.call(client, acme,
                () -> comments.add(client, postId, note.getId(), "replying to what I cannot see", false)));
        assertThrows(RuleViolation.class, () -> inTenant.call(editor, acme, () -> comments.add(editor, postId, null, " ", false)));
        assertThrows(RuleViolation.class, () -> inTenant.call(editor, acme,
                () -> comments.add(editor, postId, null, "x".repeat(4001), false)));

        long globex = tenant(Demo.GLOBEX);
        Actor globexApprover = actor(Demo.GLOBEX_APPROVER);
        List<Comment> fromGlobex;
        try {
            fromGlobex = inTenant.call(globexApprover, globex, () -> comments.visible(globexApprover, postId));
        } catch (AccessDenied noSuchPostInGlobex) {
            fromGlobex = List.of();
        }
        assertTrue(fromGlobex.stream().noneMatch(c -> c.getBody().contains("colour right")),
                "Acme's conversation is not read through Globex with the same post id");
    }

    @Test
    void addToQueueTakesTheNextFreeSlotsOfThePostsChannel() {
        long acme = tenant(Demo.ACME);
        Actor editor = actor(Demo.NORTHWIND_EDITOR);
        long channel = sandboxChannel(editor, acme);
        long bare = sandboxChannel(editor, acme);
        List<PostingSlot> slots = List.of(new PostingSlot(java.time.DayOfWeek.TUESDAY, java.time.LocalTime.of(9, 0)),
                new PostingSlot(java.time.DayOfWeek.THURSDAY, java.time.LocalTime.of(17, 30)));
        inTenant.call(editor, acme, () -> slots.stream().map(s -> queue.addSlot(editor, channel, s)).toList());
        assertThrows(RuleViolation.class, () -> inTenant.call(editor, acme, () -> queue.addSlot(editor, channel, slots.get(0))));
        assertThrows(AccessDenied.class, () -> inTenant.call(actor(Demo.NORTHWIND_ANALYST), acme,
                () -> queue.addSlot(actor(Demo.NORTHWIND_ANALYST), channel, slots.get(1))));

        Instant now = Instant.now();
        List<Instant> expected = new SlotSchedule(slots, java.time.ZoneId.of("Europe/Berlin"))
                .between(now, now.plus(Duration.ofDays(21)));
        Instant first = inTenant.call(editor, acme, () -> queue.addToQueue(editor,
                posts.draft(editor, "Queued one", "Hello", Set.of(channel)).getId()));
        Instant second = inTenant.call(editor, acme, () -> queue.addToQueue(editor,
                posts.draft(editor, "Queued two", "Hello", Set.of(channel)).getId()));
        assertEquals(expected.get(0), first);
        assertEquals(expected.get(1), second, "the first slot is taken now");
        RuleViolation none = assertThrows(RuleViolation.class, () -> inTenant.call(editor, acme, () -> queue.addToQueue(
                editor, posts.draft(editor, "No slots", "Hello", Set.of(bare)).getId())));
        assertTrue(none.getMessage().contains("No free posting slot"), none.getMessage());
    }

    @Test
    void anImportWithBadLinesReportsEachAndImportsNothing() {
        long acme = tenant(Demo.ACME);
        Actor editor = actor(Demo.NORTHWIND_EDITOR);
        String handle = "@import-" + UUID.randomUUID().toString().substring(0, 8);
        inTenant.call(editor, acme, () -> channels.add(editor, Network.SANDBOX, handle, "Import feed"));
        java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(5);
        String good = "date,time,text,channels\n" + day + ",09:30,Good one," + handle + "\n"
                + day + ",18:00,\"Second, with a comma\"," + handle + "\n";
        String badWithCampaign = "date,time,text,channels,campaign\n"
                + day + ",09:30,Good one," + handle + ",\n"
                + day + ",18:00,\"Second, with a comma\"," + handle + ",\n"
                + "2026-13-01,09:30,Bad date," + handle + ",\n"
                + day + ",10:00,No such channel,@nobody,\n"
                + day + ",11:00," + "x".repeat(5001) + "," + handle + ",\n"
                + "2020-01-01,09:00,Past," + handle + ",\n"
                + "2027-03-28,02:30,Gap," + handle + ",\n"
                + day + ",12:00,Campaign," + handle + ",Autumn\n";
        ImportReport report = inTenant.call(editor, acme, () -> postImport.check(badWithCampaign));
        assertEquals(2, report.rows().size(), report.toString());
        assertEquals(Set.of(4, 5, 6, 7, 8, 9), report.problems().stream().map(ImportReport.Problem::line)
                .collect(java.util.stream.Collectors.toSet()), report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.line() == 8 && p.reason().contains("does not exist")));
        assertTrue(report.problems().stream().anyMatch(p -> p.line() == 9 && p.reason().contains("no campaign")));

        long before = inTenant.call(editor, acme, () -> postLists.count(editor, PostSearch.everything()));
        String campaignName = "Import campaign " + UUID.randomUUID();
        long campaign = inTenant.call(editor, acme, () -> campaigns.create(editor, campaignName, day.minusDays(1),
                day.plusDays(1), null, java.math.BigDecimal.TEN, "EUR", null, null).getId());
        ImportReport withCampaign = inTenant.call(editor, acme, () -> postImport.check(
                "date,time,text,channels,campaign\n" + day + ",08:15,Campaign post," + handle + "," + campaignName + "\n"));
        assertTrue(withCampaign.isImportable(), withCampaign.problems().toString());
        assertEquals(campaign, withCampaign.rows().get(0).campaignId());
        assertThrows(RuleViolation.class, () -> inTenant.call(editor, acme, () -> postImport.importAll(editor, badWithCampaign)));
        assertEquals(before, inTenant.call(editor, acme, () -> postLists.count(editor, PostSearch.everything())),
                "nothing half-imported");
        assertThrows(RuleViolation.class, () -> inTenant.call(editor, acme,
                () -> postImport.check("date,time,text,channels\n" + day + ",09:00,\"unclosed," + handle + "\n")));
        assertThrows(RuleViolation.class, () -> inTenant.call(editor, acme, () -> postImport.check("just,some,words\n1,2,3\n")));

        List<Long> imported = inTenant.call(editor, acme, () -> postImport.importAll(editor, good));
        assertEquals(2, imported.size());
        Post first = inTenant.call(editor, acme, () -> posts.find(imported.get(0)));
        assertEquals(day.atTime(9, 30).atZone(java.time.ZoneId.of("Europe/Berlin")).toInstant(),
                first.getScheduledAt().orElseThrow(), "times are read in the client's zone");
        assertEquals(PostState.DRAFT, first.getState());

        String photoName = "import-" + UUID.randomUUID().toString().substring(0, 8) + ".jpg";
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(30, 30, java.awt.image.BufferedImage.TYPE_INT_RGB),
                    "jpg", jpeg);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        MediaFile photo = upload(editor, acme, photoName, new java.io.ByteArrayInputStream(jpeg.toByteArray()));
        String insta = "import-insta-" + UUID.randomUUID().toString().substring(0, 8);
        inTenant.call(editor, acme, () -> channels.add(editor, Network.INSTAGRAM, insta, "Acme"));
        String withMedia = "date,time,text,channels,media\n" + day + ",13:00,With a photo," + insta + "," + photoName + "\n"
                + day + ",14:00,Without one," + insta + ",\n"
                + day + ",15:00,Unknown photo," + insta + ",nope.jpg\n";
        ImportReport mediaReport = inTenant.call(editor, acme, () -> postImport.check(withMedia));
        assertEquals(List.of(photo.getId()), mediaReport.rows().get(0).mediaIds());
        assertEquals(Set.of(3, 4), mediaReport.problems().stream().map(ImportReport.Problem::line)
                .collect(java.util.stream.Collectors.toSet()), "Instagram needs an image; an unknown file is named");
        List<Long> withPhoto = inTenant.call(editor, acme, () -> postImport.importAll(editor,
                "date,time,text,channels,media\n" + day + ",13:00,With a photo," + insta + "," + photoName + "\n"));
        assertEquals(List.of(photo.getId()), inTenant.call(editor, acme, () -> media.mediaOf(
                posts.variants(withPhoto.get(0)).get(0)).stream().map(MediaFile::getId).toList()));
    }

    @Test
    void aClientWithoutReviewApprovesOnSubmitAndOnlyRunnersChooseThat() {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        long tenant = provisioning.create(owner, owner.agencyId().orElseThrow(), "Reviewless " + UUID.randomUUID(),
                "Asia/Tokyo").getId();
        Actor analyst = actor(Demo.NORTHWIND_ANALYST);
        assertThrows(AccessDenied.class, () -> inTenant.call(analyst, tenant,
                () -> { policies.changeMode(analyst, ApprovalMode.NONE); return null; }));
        inTenant.call(owner, tenant, () -> { policies.changeMode(owner, ApprovalMode.NONE); return null; });
        long channel = sandboxChannel(owner, tenant);
        Post post = inTenant.call(owner, tenant, () -> posts.submit(owner,
                posts.draft(owner, "Straight out", "No review needed", Set.of(channel)).getId()));
        assertEquals(PostState.APPROVED, post.getState());
        assertEquals(ApprovalMode.NONE, inTenant.call(owner, tenant, () -> policies.mode()));
    }

    private static byte[] png(int width, int height) throws Exception {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xC0FFEE);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static byte[] gif() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_BYTE_INDEXED),
                "gif", out);
        return out.toByteArray();
    }

    /** A PNG whose header claims 50,000 x 50,000 pixels: refused from the header, before any decoding. */
    private static byte[] pngBomb() {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes()).putInt(50_000).putInt(50_000)
                .put(new byte[] {8, 2, 0, 0, 0});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        return java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    private static long filesUnder(java.nio.file.Path root) throws Exception {
        if (!java.nio.file.Files.isDirectory(root)) {
            return 0;
        }
        try (var files = java.nio.file.Files.walk(root)) {
            return files.filter(java.nio.file.Files::isRegularFile).count();
        }
    }

    private MediaFile upload(Actor actor, long tenant, String name, java.io.InputStream content) {
        return inTenant.call(actor, tenant, () -> media.upload(actor, name, content));
    }

    @Test
    void uploadsAreCheckedByContentAndARefusedOneLeavesNothingBehind() throws Exception {
        long acme = tenant(Demo.ACME);
        Actor editor = actor(Demo.NORTHWIND_EDITOR);
        java.nio.file.Path root = store.mediaRootOf(registry.find(acme).orElseThrow().getSchema());
        int rows = inTenant.call(editor, acme, () -> media.all()).size();
        long files = filesUnder(root);

        byte[] elf = new byte[4096];
        System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1}, 0, elf, 0, 7);
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        byte[] corrupt = new byte[2048];
        System.arraycopy(png(10, 10), 0, corrupt, 0, 40);
        java.util.Map<String, byte[]> refused = new java.util.LinkedHashMap<>();
        refused.put("holiday.jpg", elf);
        refused.put("photo.png", exe);
        refused.put("broken.png", corrupt);
        refused.put("bomb.png", pngBomb());
        for (var upload : refused.entrySet()) {
            RuleViolation why = assertThrows(RuleViolation.class, () -> upload(editor, acme, upload.getKey(),
                    new java.io.ByteArrayInputStream(upload.getValue())), upload.getKey());
            assertTrue(why.getMessage().contains(upload.getKey()), why.getMessage());
        }
        byte[] bigImage = new byte[21 << 20];
        System.arraycopy(png(10, 10), 0, bigImage, 0, 8);
        assertTrue(assertThrows(RuleViolation.class, () -> upload(editor, acme, "huge.png",
                new java.io.ByteArrayInputStream(bigImage))).getMessage().contains("20 MB"));
        java.io.InputStream endless = new java.io.InputStream() {
            private long left = (101L << 20);

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
        assertTrue(assertThrows(RuleViolation.class, () -> upload(editor, acme, "movie.mp4", endless))
                .getMessage().contains("100 MB"));
        assertEquals(rows, inTenant.call(editor, acme, () -> media.all()).size(), "no refused upload is listed");
        assertEquals(files, filesUnder(root), "no refused upload is stored");

        byte[] picture = png(64, 48);
        MediaFile stored = upload(editor, acme, "../../etc/team photo.png", new java.io.ByteArrayInputStream(picture));
        assertEquals("team photo.png", stored.getFileName(), "never a path");
        assertEquals(64, stored.getWidth());
        assertTrue(java.nio.file.Files.isRegularFile(root.resolve(stored.getSha256().substring(0, 2))
                .resolve(stored.getSha256() + ".png")));
        assertTrue(java.nio.file.Files.isRegularFile(root.resolve(stored.getSha256().substring(0, 2))
                .resolve(stored.getSha256() + ".thumb.jpg")), "a thumbnail is made");
        assertEquals(stored.getId(), upload(editor, acme, "again.png", new java.io.ByteArrayInputStream(picture)).getId(),
                "the same file is kept once");
        assertEquals(List.of(stored.getId()), inTenant.call(editor, acme, () -> media.page(java.util.Optional.of("TEAM PHOTO"),
                PageRequest.firstRows(10))).stream().map(MediaFile::getId).toList(), "the library finds a file by its name");
        assertEquals(0, inTenant.call(editor, acme, () -> media.count(java.util.Optional.of("team_photo"))),
                "a typed _ is a character, not a wildcard");
        assertThrows(AccessDenied.class, () -> upload(actor(Demo.NORTHWIND_ANALYST), acme, "x.png",
                new java.io.ByteArrayInputStream(picture)));

        MediaFile animation = upload(editor, acme, "loop.gif", new java.io.ByteArrayInputStream(gif()));
        String handle = "insta-" + UUID.randomUUID().toString().substring(0, 8);
        long instagram = inTenant.call(editor, acme, () -> channels.add(editor, Network.INSTAGRAM, handle, "Acme").getId());
        long postId = inTenant.call(editor, acme, () -> posts.draft(editor, "Gallery", "Autumn #coffee", Set.of(instagram)).getId());
        RuleViolation noImage = assertThrows(RuleViolation.class, () -> inTenant.call(editor, acme, () -> posts.submit(editor, postId)));
        assertTrue(noImage.getMessage().contains("at least one image"), noImage.getMessage());
        inTenant.call(editor, acme, () -> posts.attachMedia(editor, postId, Map.of(instagram, List.of(animation.getId()))));
        RuleViolation gif = assertThrows(RuleViolation.class, () -> inTenant.call(editor, acme, () -> posts.submit(editor, postId)));
        assertTrue(gif.getMessage().contains("does not take GIF"), gif.getMessage());
        byte[] jpeg;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 40, java.awt.image.BufferedImage.TYPE_INT_RGB), "jpg", out);
        jpeg = out.toByteArray();
        MediaFile photo = upload(editor, acme, "cup.jpg", new java.io.ByteArrayInputStream(jpeg));
        inTenant.call(editor, acme, () -> posts.attachMedia(editor, postId, Map.of(instagram, List.of(photo.getId()))));
        assertEquals(PostState.IN_REVIEW, inTenant.call(editor, acme, () -> posts.submit(editor, postId)).getState());
    }

    @Test
    void configuredStepsRunInOrderWithAnyOrAllApprovers() throws Exception {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        Actor manager = actor("manager@northwind.test");
        Actor author = newManager();
        long tenant = provisioning.create(owner, owner.agencyId().orElseThrow(), "Stepped " + UUID.randomUUID(),
                "Europe/Madrid").getId();
        inTenant.call(owner, tenant, () -> {
            policies.changeMode(owner, ApprovalMode.INTERNAL);
            policies.addStep(owner, "Editorial", Set.of(owner.userId()), false);
            return policies.addStep(owner, "Legal", Set.of(owner.userId(), manager.userId()), true);
        });
        assertThrows(AccessDenied.class, () -> inTenant.call(actor(Demo.NORTHWIND_ANALYST), tenant,
                () -> policies.addStep(actor(Demo.NORTHWIND_ANALYST), "Mine", Set.of(owner.userId()), false)));
        assertThrows(AccessDenied.class, () -> inTenant.call(owner, tenant, () -> policies.addStep(owner, "Outsider",
                Set.of(actor(Demo.SOUTHWIND_OWNER).userId()), false)), "approvers come from the agency's own staff");

        long channel = sandboxChannel(author, tenant);
        long postId = inTenant.call(author, tenant, () -> posts.submit(author,
                posts.draft(author, "Stepped post", "Hello", Set.of(channel)).getId()).getId());
        assertThrows(RuleViolation.class, () -> inTenant.call(manager, tenant, () -> posts.approve(manager, postId, null)),
                "Legal waits for Editorial");
        inTenant.call(owner, tenant, () -> posts.approve(owner, postId, null));
        assertEquals(1, inTenant.call(owner, tenant, () -> posts.find(postId)).getReviewStep());
        inTenant.call(owner, tenant, () -> posts.approve(owner, postId, null));
        assertEquals(PostState.IN_REVIEW, state(owner, tenant, postId), "Legal needs all of its approvers");
        inTenant.call(manager, tenant, () -> posts.approve(manager, postId, null));
        assertEquals(PostState.APPROVED, state(owner, tenant, postId));
    }

    @Test
    void oneScreenReadsSeveralClientsEachInARequestOfItsOwn() {
        Actor owner = actor(Demo.NORTHWIND_OWNER);
        long acme = tenant(Demo.ACME);
        long globex = tenant(Demo.GLOBEX);
        assertEquals(Demo.ACME, work.in(owner, acme, TenantRef::name));
        assertEquals(Demo.GLOBEX, work.in(owner, globex, TenantRef::name), "no request is bound to two tenants");
        assertTrue(work.in(owner, globex, t -> postLists.count(owner, PostSearch.everything())) > 0,
                "the agency calendar's reading");
        assertThrows(AccessDenied.class, () -> work.in(actor(Demo.ACME_APPROVER), globex, TenantRef::name));
        assertThrows(AccessDenied.class, () -> work.in(owner, tenant(Demo.INITECH), TenantRef::name));
    }

    @Test
    void theDailyDigestGoesOutOncePerDayToThoseWhoChoseIt() {
        Actor manager = actor("manager@northwind.test");
        actors.preferDailyDigest(manager, true);
        try {
            java.time.LocalDate day = java.time.LocalDate.of(3000, 1, 1).plusDays(new java.util.Random().nextInt(100_000));
            assertTrue(digest.send(day) >= 1, "the manager has posts waiting in the demo month");
            assertEquals(0, digest.send(day), "a day's digest is sent once, whichever node ticks");
        } finally {
            actors.preferDailyDigest(manager, false);
        }
    }

    private PostState state(Actor actor, long tenant, long postId) {
        return inTenant.call(actor, tenant, () -> posts.find(postId).getState());
    }
}
