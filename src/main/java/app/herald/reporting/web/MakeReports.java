package app.herald.reporting.web;

import app.herald.analytics.domain.Basis;
import app.herald.analytics.domain.Period;
import app.herald.identity.domain.User;
import app.herald.kernel.paging.PageRequest;
import app.herald.kernel.web.Feedback;
import app.herald.kernel.web.LazyRows;
import app.herald.reporting.application.ReportSchedules;
import app.herald.reporting.application.Reports;
import app.herald.reporting.domain.Report;
import app.herald.reporting.domain.ReportSchedule;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's reports (/client/reports.xhtml?client=ID): ask for a PDF, XLSX or CSV report of a period, watch it being
 * built, download it from the history; and, for the agency, weekly or monthly reports mailed to client users.
 */
@Named
@ViewScoped
public class MakeReports implements Serializable {

    private static final long serialVersionUID = 1L;
    @Inject
    ClientAccess access;
    @Inject
    Reports reports;
    @Inject
    ReportSchedules schedules;

    private Report.Format format = Report.Format.PDF;
    private LocalDate from;
    private LocalDate to;
    private Basis basis = Basis.ACTIVITY;
    private String notes;
    private final LazyRows<Report> history = new LazyRows<>(this::countReports, this::reportPage, Report::getId);
    private boolean building;
    private ReportSchedule.Cadence cadence = ReportSchedule.Cadence.MONTHLY;
    private Report.Format scheduleFormat = Report.Format.PDF;
    private List<String> recipients = new ArrayList<>();
    private String scheduleNotes;
    private List<ReportSchedule> scheduleList = List.of();
    private List<String> recipientChoices = List.of();

    public void open() {
        if (access.open()) {
            LocalDate today = LocalDate.now(access.getClient().zone());
            from = today.withDayOfMonth(1).minusMonths(1);
            to = from.with(TemporalAdjusters.lastDayOfMonth());
            load();
        }
    }

    /** Everything the page lists, read while the client is entered: a postback's decoding reads lists before its action. */
    private void load() {
        building = reports.anyBuilding();
        scheduleList = schedules.all();
        recipientChoices = schedules.possibleRecipients().stream().map(User::getEmail).toList();
    }

    public void request() {
        boolean done = Feedback.attempt(() -> reports.request(access.enter(), format, new Period(from, to, basis),
                notes), "Your report is being built; it appears below when it is ready.");
        if (done) {
            notes = null;
        }
        load();
    }

    /** Polled while a report is being built, so that its progress bar moves. */
    public void refresh() {
        access.enter();
        building = reports.anyBuilding();
    }

    private long countReports() {
        access.enter();
        return reports.count();
    }

    private List<Report> reportPage(PageRequest request) {
        access.enter();
        return reports.page(request);
    }

    public boolean isBuilding() {
        return building;
    }

    public void schedule() {
        Feedback.attempt(() -> schedules.create(access.enter(), cadence, scheduleFormat, recipients, scheduleNotes),
                "Scheduled. The first report goes out " + cadence.name().toLowerCase() + ".");
        load();
    }

    public void unschedule(long scheduleId) {
        Feedback.attempt(() -> schedules.delete(access.enter(), scheduleId), "Schedule removed.");
        load();
    }

    public List<ReportSchedule> getSchedules() {
        return scheduleList;
    }

    public List<String> getPossibleRecipients() {
        return recipientChoices;
    }

    public String local(java.time.Instant instant) {
        return access.local(instant);
    }

    public ClientAccess getAccess() {
        return access;
    }

    public LazyRows<Report> getHistory() {
        return history;
    }

    public Report.Format[] getFormats() {
        return Report.Format.values();
    }

    public Basis[] getBases() {
        return Basis.values();
    }

    public ReportSchedule.Cadence[] getCadences() {
        return ReportSchedule.Cadence.values();
    }

    public Report.Format getFormat() {
        return format;
    }

    public void setFormat(Report.Format format) {
        this.format = format;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Basis getBasis() {
        return basis;
    }

    public void setBasis(Basis basis) {
        this.basis = basis;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }

    public ReportSchedule.Cadence getCadence() {
        return cadence;
    }

    public void setCadence(ReportSchedule.Cadence cadence) {
        this.cadence = cadence;
    }

    public Report.Format getScheduleFormat() {
        return scheduleFormat;
    }

    public void setScheduleFormat(Report.Format scheduleFormat) {
        this.scheduleFormat = scheduleFormat;
    }

    public List<String> getRecipients() {
        return recipients;
    }

    public void setRecipients(List<String> recipients) {
        this.recipients = recipients == null ? new ArrayList<>() : new ArrayList<>(recipients);
    }

    public String getScheduleNotes() {
        return scheduleNotes;
    }

    public void setScheduleNotes(String scheduleNotes) {
        this.scheduleNotes = scheduleNotes;
    }

}
