package app.herald.approval.domain;

import app.herald.kernel.RuleViolation;
import java.util.List;

/** A tenant's approval rules: the mode and, unless the mode is NONE, the internal steps in order. */
public record ApprovalPolicy(ApprovalMode mode, List<ReviewStep> steps) {

    public ApprovalPolicy {
        steps = List.copyOf(steps);
        if (mode != ApprovalMode.NONE && steps.isEmpty()) {
            throw new RuleViolation("Internal review needs at least one step with approvers.");
        }
    }

    public static ApprovalPolicy none() {
        return new ApprovalPolicy(ApprovalMode.NONE, List.of());
    }

    public boolean needsClient() {
        return mode == ApprovalMode.INTERNAL_THEN_CLIENT;
    }
}
