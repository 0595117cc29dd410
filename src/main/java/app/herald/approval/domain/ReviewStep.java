package app.herald.approval.domain;

import app.herald.kernel.RuleViolation;
import java.util.Set;

/**
 * One internal review step: who may approve at it, and whether any one of them suffices or all of them must approve.
 */
public record ReviewStep(String name, Set<Long> approvers, boolean everyoneMustApprove) {

    public ReviewStep {
        if (name == null || name.isBlank()) {
            throw new RuleViolation("A review step needs a name.");
        }
        if (approvers == null || approvers.isEmpty()) {
            throw new RuleViolation("The review step \"" + name + "\" needs at least one approver.");
        }
        approvers = Set.copyOf(approvers);
    }

    public boolean isApprover(long userId) {
        return approvers.contains(userId);
    }

    /** Whether the approvals given so far complete this step. The author's own approval never counts. */
    public boolean isCompleteWith(Set<Long> approvedBy, long author) {
        Set<Long> eligible = approvers.stream().filter(id -> id != author).collect(java.util.stream.Collectors.toSet());
        if (everyoneMustApprove) {
            return !eligible.isEmpty() && approvedBy.containsAll(eligible);
        }
        return approvedBy.stream().anyMatch(eligible::contains);
    }
}
