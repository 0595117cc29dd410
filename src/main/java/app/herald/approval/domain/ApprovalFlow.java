package app.herald.approval.domain;

import app.herald.approval.domain.Decision.Kind;
import app.herald.kernel.RuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The approval workflow of one post: DRAFT -> IN_REVIEW (step by step) -> CLIENT_REVIEW -> APPROVED, with
 * CHANGES_REQUESTED and REJECTED on the way. Every transition is checked here and recorded as a {@link Decision};
 * nobody approves their own post. The flow is rebuilt from the stored state and decisions, so it holds no hidden state.
 */
public final class ApprovalFlow {

    private final ApprovalPolicy policy;
    private final long author;
    private final List<Decision> history;
    private PostState state;
    private int step;

    public ApprovalFlow(ApprovalPolicy policy, long author, PostState state, int step, List<Decision> history) {
        this.policy = policy;
        this.author = author;
        this.state = state;
        // Steps may have been removed since the post entered review: it then waits at the last remaining step.
        this.step = Math.min(step, Math.max(0, policy.steps().size() - 1));
        this.history = new ArrayList<>(history);
    }

    public static ApprovalFlow start(ApprovalPolicy policy, long author) {
        return new ApprovalFlow(policy, author, PostState.DRAFT, 0, List.of());
    }

    public Decision submit(Reviewer who, Instant now) {
        requireStaff(who, "submit posts");
        require(state == PostState.DRAFT || state == PostState.CHANGES_REQUESTED,
                "Only a draft or a post with requested changes can be submitted; this one is " + state.label() + ".");
        if (policy.mode() == ApprovalMode.NONE) {
            return record(who, now, Kind.SUBMITTED, PostState.APPROVED, 0, null);
        }
        for (ReviewStep s : policy.steps()) {
            if (s.approvers().stream().allMatch(id -> id == author)) {
                throw new RuleViolation("Nobody but the author can approve the step \"" + s.name()
                        + "\": add another approver to it first.");
            }
        }
        return record(who, now, Kind.SUBMITTED, PostState.IN_REVIEW, 0, null);
    }

    public Decision approve(Reviewer who, Instant now, String comment) {
        if (who.userId() == author) {
            throw new RuleViolation("Nobody approves their own post.");
        }
        if (state == PostState.CLIENT_REVIEW) {
            require(who.clientApprover(), "The client approves this post now.");
            return record(who, now, Kind.APPROVED, PostState.APPROVED, step, comment);
        }
        require(state == PostState.IN_REVIEW, "This post is not waiting for approval; it is " + state.label() + ".");
        ReviewStep current = currentStep().orElseThrow();
        require(who.staff() && current.isApprover(who.userId()),
                "You are not an approver of the step \"" + current.name() + "\".");
        Set<Long> approved = approvalsAtCurrentStep();
        require(!approved.contains(who.userId()), "You have already approved this step.");
        approved.add(who.userId());
        if (!current.isCompleteWith(approved, author)) {
            return record(who, now, Kind.APPROVED, PostState.IN_REVIEW, step, comment);
        }
        if (step + 1 < policy.steps().size()) {
            return record(who, now, Kind.APPROVED, PostState.IN_REVIEW, step + 1, comment);
        }
        return record(who, now, Kind.APPROVED, policy.needsClient() ? PostState.CLIENT_REVIEW : PostState.APPROVED,
                step, comment);
    }

    public Decision requestChanges(Reviewer who, Instant now, String comment) {
        requireReviewerNow(who);
        return record(who, now, Kind.CHANGES_REQUESTED, PostState.CHANGES_REQUESTED, 0, requireComment(comment));
    }

    public Decision reject(Reviewer who, Instant now, String comment) {
        requireReviewerNow(who);
        return record(who, now, Kind.REJECTED, PostState.REJECTED, 0, requireComment(comment));
    }

    /** An edit after review started sends the post back to the first step; edits of drafts change no state. */
    public Optional<Decision> edited(Reviewer who, Instant now) {
        requireStaff(who, "edit posts");
        if (state.isEditableFreely()) {
            return Optional.empty();
        }
        if (policy.mode() == ApprovalMode.NONE) {
            return Optional.empty();
        }
        return Optional.of(record(who, now, Kind.EDITED_AFTER_REVIEW, PostState.IN_REVIEW, 0, null));
    }

    /** A rejected post becomes a draft again, to be reworked and submitted anew. */
    public Decision reopen(Reviewer who, Instant now) {
        requireStaff(who, "reopen posts");
        require(state == PostState.REJECTED, "Only a rejected post can be reopened.");
        return record(who, now, Kind.REOPENED, PostState.DRAFT, 0, null);
    }

    /** Whether it is this person's turn to decide, for queues and buttons. */
    public boolean awaits(Reviewer who) {
        if (who.userId() == author) {
            return false;
        }
        if (state == PostState.CLIENT_REVIEW) {
            return who.clientApprover();
        }
        return state == PostState.IN_REVIEW && who.staff() && currentStep().map(s -> s.isApprover(who.userId())).orElse(false)
                && !approvalsAtCurrentStep().contains(who.userId());
    }

    public Optional<ReviewStep> currentStep() {
        return state == PostState.IN_REVIEW && step < policy.steps().size() ? Optional.of(policy.steps().get(step))
                : Optional.empty();
    }

    public PostState state() {
        return state;
    }

    public int step() {
        return step;
    }

    public List<Decision> history() {
        return List.copyOf(history);
    }

    private Set<Long> approvalsAtCurrentStep() {
        Set<Long> approved = new HashSet<>();
        for (Decision d : history) {
            if (d.kind() == Kind.APPROVED && d.step() == step && d.from() == PostState.IN_REVIEW) {
                approved.add(d.userId());
            } else if (d.kind() != Kind.APPROVED) {
                approved.clear();
            }
        }
        return approved;
    }

    private void requireReviewerNow(Reviewer who) {
        if (who.userId() == author) {
            throw new RuleViolation("Authors do not review their own posts.");
        }
        if (state == PostState.CLIENT_REVIEW) {
            require(who.clientApprover(), "The client reviews this post now.");
            return;
        }
        require(state == PostState.IN_REVIEW, "This post is not in review; it is " + state.label() + ".");
        ReviewStep current = currentStep().orElseThrow();
        require(who.staff() && current.isApprover(who.userId()),
                "You are not an approver of the step \"" + current.name() + "\".");
    }

    private static void requireStaff(Reviewer who, String what) {
        require(who.staff(), "Only the agency's team can " + what + ".");
    }

    private static String requireComment(String comment) {
        if (comment == null || comment.isBlank()) {
            throw new RuleViolation("Say what should change: a comment is required.");
        }
        return comment.strip();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new RuleViolation(message);
        }
    }

    private Decision record(Reviewer who, Instant now, Kind kind, PostState to, int nextStep, String comment) {
        Decision decision = new Decision(who.userId(), now, kind, state, to, step, comment);
        history.add(decision);
        state = to;
        step = nextStep;
        return decision;
    }
}
