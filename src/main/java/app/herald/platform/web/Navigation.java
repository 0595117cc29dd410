package app.herald.platform.web;

import app.herald.identity.application.Actors;
import app.herald.identity.domain.Actor;
import app.herald.identity.domain.User;
import app.herald.identity.web.CurrentActor;
import app.herald.identity.application.AgencyDirectory;
import app.herald.tenancy.application.TenantDirectory;
import app.herald.tenancy.application.WorkspaceBadges;
import app.herald.tenancy.domain.Tenant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.model.menu.DefaultMenuItem;
import org.primefaces.model.menu.DefaultMenuModel;
import org.primefaces.model.menu.DefaultSubMenu;
import org.primefaces.model.menu.MenuModel;

/** The layout's menu: only the screens the signed-in person's role allows. */
@Named
@RequestScoped
public class Navigation {

    @Inject
    CurrentActor current;
    @Inject
    Actors actors;
    @Inject
    AgencyDirectory agencies;
    @Inject
    TenantDirectory directory;
    @Inject
    Instance<WorkspaceBadges> badges;

    private MenuModel menu;

    public MenuModel getMenu() {
        if (menu == null) {
            menu = new DefaultMenuModel();
            current.find().ifPresent(this::fill);
        }
        return menu;
    }

    private void fill(Actor actor) {
        if (actor.platformAdmin()) {
            menu.getElements().add(item("Agencies", "/admin/agencies.xhtml", "pi pi-building"));
        }
        List<Tenant> clients = directory.visibleTo(actor);
        if (actor.isStaff()) {
            Map<Long, Integer> waiting = waiting(clients);
            menu.getElements().add(item("Clients", "/agency/clients.xhtml", "pi pi-briefcase"));
            menu.getElements().add(item("Calendar", "/agency/calendar.xhtml", "pi pi-calendar"));
            menu.getElements().add(item("Portfolio", "/agency/portfolio.xhtml", "pi pi-chart-bar"));
            if (actor.runs(actor.agencyId().orElseThrow())) {
                menu.getElements().add(item("People", "/agency/people.xhtml", "pi pi-users"));
                menu.getElements().add(item("Branding", "/agency/branding.xhtml", "pi pi-palette"));
                menu.getElements().add(item("Webhooks", "/agency/webhooks.xhtml", "pi pi-send"));
                menu.getElements().add(item("API tokens", "/agency/api-tokens.xhtml", "pi pi-key"));
            }
            DefaultSubMenu workspaces = DefaultSubMenu.builder().label("Workspaces").icon("pi pi-th-large").build();
            clients.stream().filter(Tenant::isActive)
                    .forEach(t -> workspaces.getElements().add(item(labelled(t, waiting), workspace(t), null)));
            if (!workspaces.getElements().isEmpty()) {
                menu.getElements().add(workspaces);
            }
        } else if (actor.isClientUser()) {
            clients.forEach(t -> menu.getElements().add(item(t.getName(), workspace(t), "pi pi-home")));
        }
    }

    public String getSignedInAs() {
        return current.find().map(actor -> {
            String name = actors.userByEmail(actor.email()).map(User::getDisplayName).orElse(actor.email());
            String role = actor.role().map(r -> r.label() + ", " + agencies.nameOf(actor.agencyId().orElseThrow()))
                    .orElse("Platform admin");
            return name + " · " + role;
        }).orElse("");
    }

    /** What waits in each client (its inbox), for the agency's people: one query whatever the number of clients. */
    private Map<Long, Integer> waiting(List<Tenant> clients) {
        Map<Long, Integer> all = new HashMap<>();
        List<Long> ids = clients.stream().map(Tenant::getId).toList();
        badges.forEach(badge -> badge.waiting(ids).forEach((id, n) -> all.merge(id, n, Integer::sum)));
        return all;
    }

    private static String labelled(Tenant tenant, Map<Long, Integer> waiting) {
        Integer n = waiting.get(tenant.getId());
        return n == null ? tenant.getName() : tenant.getName() + " (" + n + ")";
    }

    private static String workspace(Tenant tenant) {
        return "/client/home.xhtml?client=" + tenant.getId();
    }

    private static DefaultMenuItem item(String label, String url, String icon) {
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        return DefaultMenuItem.builder().value(label).url(context + url).icon(icon).build();
    }
}
