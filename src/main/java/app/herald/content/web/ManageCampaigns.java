package app.herald.content.web;

import app.herald.content.application.Campaigns;
import app.herald.content.domain.Campaign;
import app.herald.kernel.web.Feedback;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A client's campaigns (/client/campaigns.xhtml?client=ID): the list, and a new one. */
@Named
@ViewScoped
public class ManageCampaigns implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    Campaigns campaigns;

    private List<Campaign> list;
    private String name;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private String goal;
    private BigDecimal budget;
    private String currency = "EUR";
    private String utm;
    private String colour = "#2563eb";

    public void open() {
        if (access.open()) {
            list = campaigns.all();
            startsOn = LocalDate.now(access.getClient().zone());
            endsOn = startsOn.plusWeeks(4);
        }
    }

    public void create() {
        if (Feedback.attempt(() -> campaigns.create(access.enter(), name, startsOn, endsOn, goal, budget, currency, utm,
                colour), "Campaign \"" + name + "\" created.")) {
            name = null;
            goal = null;
            budget = null;
            utm = null;
        }
        list = campaigns.all();
    }

    public ClientAccess getAccess() {
        return access;
    }

    public List<Campaign> getList() {
        return list;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public String getGoal() {
        return goal;
    }

    public void setGoal(String goal) {
        this.goal = goal;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public void setBudget(BigDecimal budget) {
        this.budget = budget;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getUtm() {
        return utm;
    }

    public void setUtm(String utm) {
        this.utm = utm;
    }

    public String getColour() {
        return colour;
    }

    public void setColour(String colour) {
        this.colour = colour;
    }
}
