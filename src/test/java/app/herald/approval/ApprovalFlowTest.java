package app.herald.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.approval.domain.ApprovalFlow;
import app.herald.approval.domain.ApprovalMode;
import app.herald.approval.domain.ApprovalPolicy;
import app.herald.approval.domain.Decision;
import app.herald.approval.domain.PostState;
import app.herald.approval.domain.ReviewStep;
import app.herald.approval.domain.Reviewer;
import app.herald.kernel.RuleViolation;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The workflow state machine: every allowed transition, every refused one, and no self-approval. */
class ApprovalFlowTest {

    private static final long AUTHOR = 1;
    private static final long MANAGER = 2;
    private static final long OWNER = 3;
    private static final long LEGAL = 4;
    private static final long CLIENT = 9;
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private static final Reviewer author = Reviewer.staff(AUTHOR);
    private static final Reviewer manager = Reviewer.staff(MANAGER);
    private static final Reviewer owner = Reviewer.staff(OWNER);
    private static final Reviewer legal = Reviewer.staff(LEGAL);
    private static final Reviewer client = Reviewer.client(CLIENT);

    private static ApprovalPolicy twoStepsThenClient() {
        return new ApprovalPolicy(ApprovalMode.INTERNAL_THEN_CLIENT, List.of(
                new ReviewStep("Account team", Set.of(MANAGER, OWNER, AUTHOR), false),
                new ReviewStep("Legal and owner", Set.of(LEGAL, OWNER), true)));
    }

    private static ApprovalFlow inState(PostState state) {
        ApprovalFlow flow = ApprovalFlow.start(twoStepsThenClient(), AUTHOR);
        switch (state) {
            case DRAFT -> { }
            case IN_REVIEW -> flow.submit(author, NOW);
            case CLIENT_REVIEW -> {
                flow.submit(author, NOW);
                flow.approve(manager, NOW, null);
                flow.approve(legal, NOW, null);
                flow.approve(owner, NOW, null);
            }
            case CHANGES_REQUESTED -> {
                flow.submit(author, NOW);
                flow.requestChanges(manager, NOW, "Shorter, please");
            }
            case REJECTED -> {
                flow.submit(author, NOW);
                flow.reject(owner, NOW, "Off brand");
            }
            case APPROVED -> {
                ApprovalFlow full = inState(PostState.CLIENT_REVIEW);
                full.approve(client, NOW, "Lovely");
                return full;
            }
        }
        assertEquals(state, flow.state());
        return flow;
    }

    @Test
    void theHappyPathGoesThroughEveryStepThenTheClient() {
        ApprovalFlow flow = ApprovalFlow.start(twoStepsThenClient(), AUTHOR);
        assertEquals(PostState.IN_REVIEW, flow.submit(author, NOW).to());
        assertTrue(flow.awaits(manager) && flow.awaits(owner));
        assertFalse(flow.awaits(author), "the author is never asked");
        assertFalse(flow.awaits(legal), "legal's step comes second");
        flow.approve(manager, NOW, null);
        assertEquals(1, flow.step(), "one of the account team suffices");
        assertEquals(PostState.IN_REVIEW, flow.approve(legal, NOW, null).to(), "the second step needs everyone");
        assertEquals(PostState.CLIENT_REVIEW, flow.approve(owner, NOW, "ok").to());
        assertTrue(flow.awaits(client));
        Decision last = flow.approve(client, NOW, "Go");
        assertEquals(PostState.APPROVED, flow.state());
        assertEquals(PostState.CLIENT_REVIEW, last.from());
        assertEquals(5, flow.history().size(), "every act is recorded");
    }

    @Test
    void nobodyApprovesTheirOwnPost() {
        ApprovalFlow flow = inState(PostState.IN_REVIEW);
        RuleViolation self = assertThrows(RuleViolation.class, () -> flow.approve(author, NOW, null));
        assertEquals("Nobody approves their own post.", self.getMessage());
        assertThrows(RuleViolation.class, () -> flow.reject(author, NOW, "no"));
        assertThrows(RuleViolation.class, () -> flow.requestChanges(author, NOW, "no"));
        ApprovalFlow onlyAuthor = ApprovalFlow.start(new ApprovalPolicy(ApprovalMode.INTERNAL,
                List.of(new ReviewStep("Me", Set.of(AUTHOR), false))), AUTHOR);
        assertThrows(RuleViolation.class, () -> onlyAuthor.submit(author, NOW), "a step only the author could pass");
    }

    @Test
    void aStepForEveryoneExcludesTheAuthorFromEveryone() {
        ApprovalFlow flow = ApprovalFlow.start(new ApprovalPolicy(ApprovalMode.INTERNAL,
                List.of(new ReviewStep("All", Set.of(AUTHOR, MANAGER, OWNER), true))), AUTHOR);
        flow.submit(author, NOW);
        flow.approve(manager, NOW, null);
        assertEquals(PostState.IN_REVIEW, flow.state());
        flow.approve(owner, NOW, null);
        assertEquals(PostState.APPROVED, flow.state(), "internal only: approved without the client");
        assertThrows(RuleViolation.class, () -> flow.approve(owner, NOW, null), "approved posts take no approvals");
    }

    @Test
    void theSameReviewerCannotApproveAStepTwice() {
        ApprovalFlow flow = inState(PostState.IN_REVIEW);
        flow.approve(owner, NOW, null);
        flow.approve(legal, NOW, null);
        assertThrows(RuleViolation.class, () -> flow.approve(legal, NOW, null));
    }

    @Test
    void withoutReviewSubmittingApproves() {
        ApprovalFlow flow = ApprovalFlow.start(ApprovalPolicy.none(), AUTHOR);
        assertEquals(PostState.APPROVED, flow.submit(author, NOW).to());
        assertTrue(flow.edited(author, NOW).isEmpty(), "no review to go back to");
    }

    @Test
    void everyAllowedTransitionFromEveryState() {
        assertEquals(PostState.IN_REVIEW, inState(PostState.DRAFT).submit(author, NOW).to());
        assertEquals(PostState.IN_REVIEW, inState(PostState.CHANGES_REQUESTED).submit(manager, NOW).to());
        assertEquals(PostState.CHANGES_REQUESTED, inState(PostState.IN_REVIEW).requestChanges(owner, NOW, "x").to());
        assertEquals(PostState.REJECTED, inState(PostState.IN_REVIEW).reject(manager, NOW, "x").to());
        assertEquals(PostState.CHANGES_REQUESTED, inState(PostState.CLIENT_REVIEW).requestChanges(client, NOW, "x").to());
        assertEquals(PostState.REJECTED, inState(PostState.CLIENT_REVIEW).reject(client, NOW, "x").to());
        assertEquals(PostState.APPROVED, inState(PostState.CLIENT_REVIEW).approve(client, NOW, null).to());
        assertEquals(PostState.DRAFT, inState(PostState.REJECTED).reopen(author, NOW).to());
        for (PostState reviewed : EnumSet.of(PostState.IN_REVIEW, PostState.CLIENT_REVIEW, PostState.APPROVED)) {
            ApprovalFlow flow = inState(reviewed);
            assertEquals(PostState.IN_REVIEW, flow.edited(author, NOW).orElseThrow().to(), reviewed + " edited");
            assertEquals(0, flow.step());
        }
        for (PostState free : EnumSet.of(PostState.DRAFT, PostState.CHANGES_REQUESTED, PostState.REJECTED)) {
            assertTrue(inState(free).edited(author, NOW).isEmpty(), free + " edits need no review");
        }
    }

    @Test
    void everyRefusedTransition() {
        for (PostState s : EnumSet.complementOf(EnumSet.of(PostState.DRAFT, PostState.CHANGES_REQUESTED))) {
            assertThrows(RuleViolation.class, () -> inState(s).submit(author, NOW), "submit from " + s);
        }
        for (PostState s : EnumSet.complementOf(EnumSet.of(PostState.IN_REVIEW, PostState.CLIENT_REVIEW))) {
            assertThrows(RuleViolation.class, () -> inState(s).approve(owner, NOW, null), "approve from " + s);
            assertThrows(RuleViolation.class, () -> inState(s).approve(client, NOW, null), "client approve from " + s);
            assertThrows(RuleViolation.class, () -> inState(s).reject(owner, NOW, "x"), "reject from " + s);
            assertThrows(RuleViolation.class, () -> inState(s).requestChanges(owner, NOW, "x"), "changes from " + s);
        }
        for (PostState s : EnumSet.complementOf(EnumSet.of(PostState.REJECTED))) {
            assertThrows(RuleViolation.class, () -> inState(s).reopen(author, NOW), "reopen from " + s);
        }
    }

    @Test
    void reviewersActOnlyAtTheirTurn() {
        ApprovalFlow internal = inState(PostState.IN_REVIEW);
        assertThrows(RuleViolation.class, () -> internal.approve(client, NOW, null), "the client waits for the agency");
        assertThrows(RuleViolation.class, () -> internal.approve(legal, NOW, null), "legal is the second step");
        assertThrows(RuleViolation.class, () -> internal.approve(Reviewer.staff(77), NOW, null), "not an approver");
        ApprovalFlow atClient = inState(PostState.CLIENT_REVIEW);
        assertThrows(RuleViolation.class, () -> atClient.approve(owner, NOW, null), "the agency cannot approve for the client");
        assertThrows(RuleViolation.class, () -> atClient.reject(owner, NOW, "x"));
        assertThrows(RuleViolation.class, () -> inState(PostState.DRAFT).submit(client, NOW), "clients do not submit");
        assertThrows(RuleViolation.class, () -> inState(PostState.APPROVED).edited(client, NOW), "clients do not edit");
    }

    @Test
    void changesAndRejectionsNeedAComment() {
        assertThrows(RuleViolation.class, () -> inState(PostState.IN_REVIEW).requestChanges(owner, NOW, " "));
        assertThrows(RuleViolation.class, () -> inState(PostState.CLIENT_REVIEW).reject(client, NOW, null));
    }

    @Test
    void approvalsBeforeAnEditDoNotCountAfterIt() {
        ApprovalFlow flow = ApprovalFlow.start(new ApprovalPolicy(ApprovalMode.INTERNAL,
                List.of(new ReviewStep("Both", Set.of(MANAGER, OWNER), true))), AUTHOR);
        flow.submit(author, NOW);
        flow.approve(manager, NOW, null);
        flow.edited(author, NOW);
        flow.approve(owner, NOW, null);
        assertEquals(PostState.IN_REVIEW, flow.state(), "the manager must approve the edited post again");
        assertTrue(flow.awaits(manager));
    }
}
