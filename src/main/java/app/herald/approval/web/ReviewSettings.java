package app.herald.approval.web;

import app.herald.approval.application.ApprovalPolicies;
import app.herald.approval.domain.ApprovalMode;
import app.herald.approval.domain.ReviewStepSetting;
import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** How much review a client's posts need (/client/review-settings.xhtml?client=ID), for owners and managers. */
@Named
@ViewScoped
public class ReviewSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    ApprovalPolicies policies;

    @Inject
    Actors actors;

    private ApprovalMode mode;
    private List<ReviewStepSetting> steps;
    private Map<Long, String> candidates;
    private String stepName;
    private List<Long> stepApprovers = new ArrayList<>();
    private boolean stepEveryone;

    public void open() {
        if (!access.open()) {
            return;
        }
        Actor actor = access.enter();
        if (!actor.runs(access.getClient().agencyId())) {
            Pages.notFound();
            return;
        }
        mode = policies.mode();
        load();
    }

    private void load() {
        steps = policies.settings();
        candidates = new LinkedHashMap<>();
        actors.reviewersOf(access.getClient().agencyId(), access.getClient().id()).stream()
                .sorted().forEach(id -> candidates.put(id, actors.nameOf(id)));
    }

    public void addStep() {
        if (Feedback.attempt(() -> policies.addStep(access.enter(), stepName, Set.copyOf(stepApprovers), stepEveryone),
                "Step \"" + stepName + "\" added.")) {
            stepName = null;
            stepApprovers = new ArrayList<>();
            stepEveryone = false;
        }
        load();
    }

    public void removeStep(ReviewStepSetting step) {
        Feedback.attempt(() -> policies.removeStep(access.enter(), step.getId()), "Step removed.");
        load();
    }

    public String approversOf(ReviewStepSetting step) {
        return step.approvers().stream().map(id -> candidates.getOrDefault(id, "(no longer on the team)"))
                .sorted().collect(Collectors.joining(", "));
    }

    public void save() {
        Feedback.attempt(() -> policies.changeMode(access.enter(), mode), "Saved. New submissions follow this mode.");
    }

    public List<ReviewStepSetting> getSteps() {
        return steps;
    }

    public List<Map.Entry<Long, String>> getCandidates() {
        return List.copyOf(candidates.entrySet());
    }

    public String getStepName() {
        return stepName;
    }

    public void setStepName(String stepName) {
        this.stepName = stepName;
    }

    public List<Long> getStepApprovers() {
        return stepApprovers;
    }

    public void setStepApprovers(List<Long> stepApprovers) {
        this.stepApprovers = stepApprovers == null ? new ArrayList<>() : new ArrayList<>(stepApprovers);
    }

    public boolean isStepEveryone() {
        return stepEveryone;
    }

    public void setStepEveryone(boolean stepEveryone) {
        this.stepEveryone = stepEveryone;
    }

    public ApprovalMode[] getModes() {
        return ApprovalMode.values();
    }

    public String describe(ApprovalMode option) {
        return switch (option) {
            case NONE -> "No review: submitting a post approves it";
            case INTERNAL -> "Agency review: an owner or manager approves";
            case INTERNAL_THEN_CLIENT -> "Agency review, then the client approves";
        };
    }

    public ClientAccess getAccess() {
        return access;
    }

    public ApprovalMode getMode() {
        return mode;
    }

    public void setMode(ApprovalMode mode) {
        this.mode = mode;
    }
}
