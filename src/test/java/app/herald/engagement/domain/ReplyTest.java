package app.herald.engagement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.approval.domain.ApprovalFlow;
import app.herald.approval.domain.ApprovalMode;
import app.herald.approval.domain.ApprovalPolicy;
import app.herald.approval.domain.PostState;
import app.herald.approval.domain.ReviewStep;
import app.herald.approval.domain.Reviewer;
import app.herald.kernel.RuleViolation;
import app.herald.publishing.domain.Delivery.Attempt;
import app.herald.publishing.domain.Incoming;
import app.herald.publishing.domain.InteractionKind;
import app.herald.publishing.domain.Moderation;
import app.herald.publishing.domain.Person;
import app.herald.publishing.domain.PublicationState;
import app.herald.publishing.domain.ReplyTarget;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An answer written in the inbox: held while reviewed, released once approved, stopped when rejected. */
class ReplyTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final long AUTHOR = 1;
    private static final long MANAGER = 2;
    private static final long CLIENT = 9;
    private static final Person ANA = new Person("did:plc:ana", "ana.bsky.social", "Ana Silva", null, null);

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** What persisting gives an entity, without a database. */
    private static <T> T stored(T entity, long id) {
        try {
            Field field = entity.getClass().getDeclaredField("id");
            field.setAccessible(true);
            field.set(entity, id);
            return entity;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Conversation conversation() {
        return stored(new Conversation(3, "thread-1", InteractionKind.COMMENT, 5, null, "Where is my order?", "Ana",
                T0, T0), 11);
    }

    private static Interaction answerable() {
        Incoming comment = new Incoming("at://ana/1", InteractionKind.COMMENT, ANA, "Where is my order?", "en", null,
                null, "at://acme/post", null, ReplyTarget.of("at://ana/1"), null, T0, false, false, null);
        return stored(new Interaction(3, comment, 5, 6, 11L, T0), 12);
    }

    private static Interaction gesture() {
        Incoming like = new Incoming("like-1", InteractionKind.LIKE, ANA, "", null, null, null, null, null, null,
                "at://acme/post", T0, false, false, null);
        return stored(new Interaction(3, like, 5, 6, null, T0), 13);
    }

    private static ApprovalFlow submitted(ApprovalPolicy policy) {
        ApprovalFlow flow = ApprovalFlow.start(policy, AUTHOR);
        flow.submit(Reviewer.staff(AUTHOR), T0);
        return flow;
    }

    private static ApprovalPolicy internal() {
        return new ApprovalPolicy(ApprovalMode.INTERNAL, List.of(new ReviewStep("Team", Set.of(MANAGER), false)));
    }

    private static ApprovalPolicy internalThenClient() {
        return new ApprovalPolicy(ApprovalMode.INTERNAL_THEN_CLIENT,
                List.of(new ReviewStep("Team", Set.of(MANAGER), false)));
    }

    private static Reply write(Conversation conversation, ApprovalFlow flow, Instant now) {
        return new Reply(conversation, answerable(), AUTHOR, "Sam Owner", "It ships today.", flow, now);
    }

    @Test
    void anAnswerWithoutReviewIsQueuedAtOnce() {
        Reply reply = write(conversation(), submitted(ApprovalPolicy.none()), at(30));

        assertEquals(PublicationState.QUEUED, reply.getState());
        assertEquals(PostState.APPROVED, reply.getReviewState());
        assertFalse(reply.isInReview());
        assertEquals(at(30), reply.getDueAt());
        assertEquals(at(30), reply.getCreatedAt());
    }

    @Test
    void anAnswerRemembersWhatItAnswersAndSinceWhenThePersonWaited() {
        Reply reply = write(conversation(), submitted(ApprovalPolicy.none()), at(30));

        assertEquals(11, reply.getConversationId());
        assertEquals(12, reply.getInteractionId());
        assertEquals(3, reply.getChannelId());
        assertEquals(AUTHOR, reply.getAuthorId());
        assertEquals("Sam Owner", reply.getAuthorName());
        assertEquals("It ships today.", reply.getBody());
        assertEquals(Optional.of(T0), reply.getAnswersSince());
    }

    @Test
    void everyAnswerHasItsOwnIdempotencyKey() {
        Reply one = write(conversation(), submitted(ApprovalPolicy.none()), at(30));
        Reply two = write(conversation(), submitted(ApprovalPolicy.none()), at(30));

        assertEquals(36, one.getIdempotencyKey().length());
        assertNotEquals(one.getIdempotencyKey(), two.getIdempotencyKey());
    }

    @Test
    void anAnswerInReviewIsHeld() {
        Reply reply = write(conversation(), submitted(internal()), at(30));

        assertEquals(PublicationState.HELD, reply.getState());
        assertEquals(PostState.IN_REVIEW, reply.getReviewState());
        assertTrue(reply.isInReview());
        assertTrue(reply.isCancellable());
    }

    @Test
    void approvalReleasesAHeldAnswerToGoOutNow() {
        ApprovalFlow flow = submitted(internal());
        Reply reply = write(conversation(), flow, at(30));

        flow.approve(Reviewer.staff(MANAGER), at(50), null);
        reply.reviewed(flow, at(50));

        assertEquals(PublicationState.QUEUED, reply.getState());
        assertEquals(PostState.APPROVED, reply.getReviewState());
        assertFalse(reply.isInReview());
        assertEquals(at(50), reply.getDueAt());
        assertEquals(at(50), reply.getUpdatedAt());
    }

    @Test
    void anAnswerWaitsForTheClientAfterTheAgencyApproved() {
        ApprovalFlow flow = submitted(internalThenClient());
        Reply reply = write(conversation(), flow, at(30));

        flow.approve(Reviewer.staff(MANAGER), at(40), null);
        reply.reviewed(flow, at(40));
        assertEquals(PublicationState.HELD, reply.getState());
        assertEquals(PostState.CLIENT_REVIEW, reply.getReviewState());
        assertTrue(reply.isInReview());

        flow.approve(Reviewer.client(CLIENT), at(60), null);
        reply.reviewed(flow, at(60));
        assertEquals(PublicationState.QUEUED, reply.getState());
        assertEquals(at(60), reply.getDueAt());
    }

    @Test
    void rejectionStopsTheAnswerWithAReason() {
        ApprovalFlow flow = submitted(internal());
        Reply reply = write(conversation(), flow, at(30));

        flow.reject(Reviewer.staff(MANAGER), at(40), "Off brand.");
        reply.reviewed(flow, at(40));

        assertEquals(PublicationState.CANCELLED, reply.getState());
        assertEquals(PostState.REJECTED, reply.getReviewState());
        assertEquals("Rejected in review.", reply.getReason());
        assertFalse(reply.isInReview());
        assertThrows(RuleViolation.class, () -> reply.rewrite("Another try"));
    }

    @Test
    void anAnswerRejectedOrCancelledBeforeApprovalIsNeverRetried() {
        ApprovalFlow rejected = submitted(internal());
        Reply refused = write(conversation(), rejected, at(30));
        rejected.reject(Reviewer.staff(MANAGER), at(40), "Off brand.");
        refused.reviewed(rejected, at(40));
        Reply withdrawn = write(conversation(), submitted(internal()), at(30));
        withdrawn.cancel("Cancelled by its author.", at(35));

        assertThrows(RuleViolation.class, () -> refused.retry(at(50)));
        assertThrows(RuleViolation.class, () -> withdrawn.retry(at(50)));
        assertEquals(PublicationState.CANCELLED, refused.getState());
        assertEquals(PublicationState.CANCELLED, withdrawn.getState());
    }

    @Test
    void anApprovedAnswerThatWasCancelledMayBeSentAgain() {
        Reply reply = write(conversation(), submitted(ApprovalPolicy.none()), at(30));
        reply.cancel("Cancelled by its author.", at(31));

        assertEquals(at(50), reply.retry(at(50)));
        assertEquals(PublicationState.QUEUED, reply.getState());
    }

    @Test
    void requestedChangesKeepTheAnswerHeldForNewWords() {
        ApprovalFlow flow = submitted(internal());
        Reply reply = write(conversation(), flow, at(30));

        flow.requestChanges(Reviewer.staff(MANAGER), at(40), "Say sorry first.");
        reply.reviewed(flow, at(40));
        assertEquals(PublicationState.HELD, reply.getState());
        assertEquals(PostState.CHANGES_REQUESTED, reply.getReviewState());
        assertEquals(0, reply.getReviewStep());
        assertFalse(reply.isInReview());

        reply.rewrite("Sorry! It ships today.");
        assertEquals("Sorry! It ships today.", reply.getBody());
    }

    @Test
    void aReleasedAnswerCannotBeRewritten() {
        Reply reply = write(conversation(), submitted(ApprovalPolicy.none()), at(30));

        RuleViolation refused = assertThrows(RuleViolation.class, () -> reply.rewrite("New words"));
        assertTrue(refused.getMessage().contains("can no longer be changed"), refused.getMessage());
        assertEquals("It ships today.", reply.getBody());
    }

    @Test
    void anApprovalThatComesAgainChangesNothingOnceReleased() {
        Reply reply = write(conversation(), submitted(ApprovalPolicy.none()), at(30));
        reply.start(at(31));

        reply.reviewed(submitted(ApprovalPolicy.none()), at(40));

        assertEquals(PublicationState.PUBLISHING, reply.getState());
    }

    @Test
    void theResponseTimeRunsFromTheWaitToWhenTheAnswerWentOut() {
        Reply reply = write(conversation(), submitted(ApprovalPolicy.none()), at(30));
        assertEquals(Optional.empty(), reply.responseTime());

        assertEquals(Attempt.PUBLISH, reply.start(at(31)));
        reply.published("at://acme/reply/1", "https://bsky.app/reply/1", at(32));

        assertEquals(PublicationState.PUBLISHED, reply.getState());
        assertEquals(Optional.of(Duration.ofMinutes(32)), reply.responseTime());
        assertEquals("at://acme/reply/1", reply.getNetworkPostId());
    }

    @Test
    void anAnswerWhenNobodyWaitedHasNoResponseTime() {
        Conversation answered = conversation();
        answered.answered(at(10));
        Reply reply = write(answered, submitted(ApprovalPolicy.none()), at(30));
        reply.start(at(31));
        reply.published("at://acme/reply/2", null, at(32));

        assertEquals(Optional.empty(), reply.getAnswersSince());
        assertEquals(Optional.empty(), reply.responseTime());
    }

    @Test
    void whatCannotBeAnsweredIsRefused() {
        RuleViolation gestureRefused = assertThrows(RuleViolation.class, () -> new Reply(conversation(), gesture(),
                AUTHOR, "Sam Owner", "Thanks!", submitted(ApprovalPolicy.none()), at(30)));
        assertEquals("This like cannot be answered.", gestureRefused.getMessage());

        Interaction deleted = answerable();
        deleted.moderate(Moderation.DELETE, false, at(5));
        RuleViolation deletedRefused = assertThrows(RuleViolation.class, () -> new Reply(conversation(), deleted,
                AUTHOR, "Sam Owner", "Thanks!", submitted(ApprovalPolicy.none()), at(30)));
        assertEquals("This comment cannot be answered: it was deleted.", deletedRefused.getMessage());
    }
}
