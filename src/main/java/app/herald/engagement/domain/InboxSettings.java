package app.herald.engagement.domain;

import app.herald.approval.domain.ApprovalMode;
import app.herald.kernel.RuleViolation;
import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalTime;
import org.eclipse.persistence.annotations.Multitenant;
import org.eclipse.persistence.annotations.MultitenantType;
import org.eclipse.persistence.annotations.TenantTableDiscriminator;
import org.eclipse.persistence.annotations.TenantTableDiscriminatorType;

/**
 * How a client wants its inbox run: whether answers need a review before they go out (none, the agency's steps, or
 * the agency's steps and then the client), whether the client's own people see the inbox (off by default), its
 * business hours and how soon within them a first answer is due.
 */
@Entity
@Table(name = "inbox_settings")
@Multitenant(MultitenantType.TABLE_PER_TENANT)
@TenantTableDiscriminator(type = TenantTableDiscriminatorType.SCHEMA, contextProperty = TenantSchemaProperty.NAME)
public class InboxSettings implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int THE_ROW = 1;

    @Id
    private int id;

    @Enumerated(EnumType.STRING)
    @Column(name = "reply_approval", nullable = false)
    private ApprovalMode replyApproval;

    @Column(name = "clients_see_inbox", nullable = false)
    private boolean clientsSeeInbox;

    @Column(name = "business_days", nullable = false)
    private String businessDays;

    @Column(name = "business_start", nullable = false)
    private int businessStart;

    @Column(name = "business_end", nullable = false)
    private int businessEnd;

    @Column(name = "sla_minutes", nullable = false)
    private int slaMinutes;

    protected InboxSettings() {
    }

    public ApprovalMode getReplyApproval() {
        return replyApproval;
    }

    public boolean isClientsSeeInbox() {
        return clientsSeeInbox;
    }

    public BusinessHours getBusinessHours() {
        return new BusinessHours(BusinessHours.parseDays(businessDays), LocalTime.MIN.plusMinutes(businessStart),
                LocalTime.MIN.plusMinutes(businessEnd));
    }

    /** The first answer is due within this much business time. */
    public Duration getSla() {
        return Duration.ofMinutes(slaMinutes);
    }

    public void change(ApprovalMode approval, boolean clientsSee, BusinessHours hours, Duration sla) {
        if (sla == null || sla.compareTo(Duration.ofMinutes(1)) < 0 || sla.compareTo(Duration.ofDays(14)) > 0) {
            throw new RuleViolation("The first-answer target is between one minute and 14 days of business time.");
        }
        this.replyApproval = approval;
        this.clientsSeeInbox = clientsSee;
        this.businessDays = hours.daysColumn();
        this.businessStart = hours.start().toSecondOfDay() / 60;
        this.businessEnd = hours.end().toSecondOfDay() / 60;
        this.slaMinutes = (int) sla.toMinutes();
    }
}
