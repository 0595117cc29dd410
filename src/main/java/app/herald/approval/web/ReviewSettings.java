package app.herald.approval.web;

import app.herald.approval.application.ApprovalPolicies;
import app.herald.approval.domain.ApprovalMode;
import app.herald.identity.domain.Actor;
import app.herald.platform.web.Feedback;
import app.herald.platform.web.Pages;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/** How much review a client's posts need (/client/review-settings.xhtml?client=ID), for owners and managers. */
@Named
@ViewScoped
public class ReviewSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    ApprovalPolicies policies;

    private ApprovalMode mode;

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
    }

    public void save() {
        Feedback.attempt(() -> policies.changeMode(access.enter(), mode), "Saved. New submissions follow this mode.");
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
