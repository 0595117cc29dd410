package app.herald.content.web;

import app.herald.content.application.Posts;
import app.herald.content.domain.Post;
import app.herald.identity.domain.Actor;
import app.herald.identity.web.CurrentActor;
import app.herald.content.application.PostProgress;
import jakarta.enterprise.inject.Instance;
import app.herald.tenancy.application.TenantDirectory;
import app.herald.tenancy.application.TenantWork;
import app.herald.tenancy.domain.Tenant;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.LazyScheduleModel;
import org.primefaces.model.ScheduleModel;

/**
 * The agency-wide calendar (/agency/calendar.xhtml): the posts of every client the member may open, one colour per
 * client, shown in the member's chosen zone. Each client is read in a request of its own (a request works in one
 * tenant); a post links to its page in its client's workspace.
 */
@Named
@ViewScoped
public class AgencyCalendar implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String[] PALETTE = {"#2563eb", "#16a34a", "#d97706", "#7c3aed", "#db2777", "#0891b2",
        "#65a30d", "#dc2626"};

    @Inject
    CurrentActor current;
    @Inject
    TenantDirectory directory;
    @Inject
    TenantWork work;
    @Inject
    Posts posts;
    @Inject
    Instance<PostProgress> progress;

    private List<Tenant> clients;
    private String zone;
    private ScheduleModel model;

    public void open() {
        Actor actor = current.get();
        clients = directory.visibleTo(actor).stream().filter(Tenant::isActive).toList();
        zone = clients.isEmpty() ? "UTC" : clients.get(0).getTimeZone();
        model = new AllClients();
    }

    public void changeZone() {
        model = new AllClients();
    }

    public String colourOf(Tenant client) {
        return PALETTE[clients.indexOf(client) % PALETTE.length];
    }

    public List<Tenant> getClients() {
        return clients;
    }

    public List<String> getZones() {
        return clients.stream().map(Tenant::getTimeZone).distinct().sorted().toList();
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = getZones().contains(zone) ? zone : this.zone;
    }

    public ScheduleModel getModel() {
        return model;
    }

    private class AllClients extends LazyScheduleModel {

        private static final long serialVersionUID = 1L;

        @Override
        public void loadEvents(LocalDateTime start, LocalDateTime end) {
            Actor actor = current.get();
            ZoneId shown = ZoneId.of(zone);
            String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
            for (Tenant client : clients) {
                Map<Post, String> planned = work.in(actor, client.getId(), tenant -> {
                    List<Post> inRange = posts.scheduledBetween(start.atZone(shown).toInstant(),
                            end.atZone(shown).toInstant());
                    Map<Long, PostProgress.Stage> publishing = PostProgress.combined(progress,
                            inRange.stream().map(Post::getId).toList());
                    Map<Post, String> labelled = new LinkedHashMap<>();
                    inRange.forEach(p -> labelled.put(p, Optional.ofNullable(publishing.get(p.getId()))
                            .map(PostProgress.Stage::label).orElse(p.getState().label())));
                    return labelled;
                });
                for (Map.Entry<Post, String> entry : planned.entrySet()) {
                    Post post = entry.getKey();
                    LocalDateTime at = LocalDateTime.ofInstant(post.getScheduledAt().orElseThrow(), shown);
                    addEvent(DefaultScheduleEvent.builder().id(client.getId() + ":" + post.getId())
                            .title(client.getName() + " · " + post.getTitle() + " · " + entry.getValue())
                            .startDate(at).endDate(at.plusMinutes(30)).editable(false)
                            .backgroundColor(colourOf(client)).borderColor(colourOf(client))
                            .url(context + "/client/post.xhtml?client=" + client.getId() + "&post=" + post.getId())
                            .build());
                }
            }
        }
    }
}
