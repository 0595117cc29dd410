package app.herald.engagement.web;

import app.herald.approval.domain.ApprovalMode;
import app.herald.engagement.application.InboxPolicy;
import app.herald.engagement.domain.BusinessHours;
import app.herald.engagement.domain.InboxSettings;
import app.herald.kernel.web.DateFields;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.Pages;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * A client's inbox settings (/client/inbox-settings.xhtml?client=ID, owners and managers): whether answers are
 * reviewed before they go out, and whether the client's own people see the inbox. The rules are on the same page.
 */
@Named
@ViewScoped
public class ChangeInboxSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    InboxPolicy policy;

    private ApprovalMode replyApproval;
    private boolean clientsSeeInbox;
    private List<DayOfWeek> days = new ArrayList<>();
    private String start;
    private String end;
    private Integer slaMinutes;

    public void open() {
        if (!access.open()) {
            return;
        }
        if (!access.enter().runs(access.getClient().agencyId())) {
            Pages.notFound();
            return;
        }
        InboxSettings settings = policy.settings();
        replyApproval = settings.getReplyApproval();
        clientsSeeInbox = settings.isClientsSeeInbox();
        BusinessHours hours = settings.getBusinessHours();
        days = new ArrayList<>(hours.days());
        days.sort(null);
        start = hours.start().toString();
        end = hours.end().toString();
        slaMinutes = (int) settings.getSla().toMinutes();
    }

    public void save() {
        Feedback.attempt(() -> policy.change(access.enter(), replyApproval, clientsSeeInbox,
                new BusinessHours(new HashSet<>(days), DateFields.timeOfDay("The start of business hours", start),
                        DateFields.timeOfDay("The end of business hours", end)),
                Duration.ofMinutes(slaMinutes == null ? 0 : slaMinutes)), "Inbox settings saved.");
    }

    public DayOfWeek[] getWeek() {
        return DayOfWeek.values();
    }

    public String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    public List<DayOfWeek> getDays() {
        return days;
    }

    public void setDays(List<DayOfWeek> days) {
        this.days = days == null ? new ArrayList<>() : days;
    }

    public String getStart() {
        return start;
    }

    public void setStart(String start) {
        this.start = start;
    }

    public String getEnd() {
        return end;
    }

    public void setEnd(String end) {
        this.end = end;
    }

    public Integer getSlaMinutes() {
        return slaMinutes;
    }

    public void setSlaMinutes(Integer slaMinutes) {
        this.slaMinutes = slaMinutes;
    }

    public ClientAccess getAccess() {
        return access;
    }

    public ApprovalMode[] getModes() {
        return ApprovalMode.values();
    }

    public String label(ApprovalMode mode) {
        return switch (mode) {
            case NONE -> "Answers go out at once";
            case INTERNAL -> "The agency's review steps approve each answer";
            case INTERNAL_THEN_CLIENT -> "The agency's review steps, then the client, approve each answer";
        };
    }

    public ApprovalMode getReplyApproval() {
        return replyApproval;
    }

    public void setReplyApproval(ApprovalMode replyApproval) {
        this.replyApproval = replyApproval;
    }

    public boolean isClientsSeeInbox() {
        return clientsSeeInbox;
    }

    public void setClientsSeeInbox(boolean clientsSeeInbox) {
        this.clientsSeeInbox = clientsSeeInbox;
    }
}
