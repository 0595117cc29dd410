package app.herald.content.web;

import app.herald.content.application.Posts;
import app.herald.content.domain.Post;
import app.herald.identity.domain.Actor;
import app.herald.platform.web.Feedback;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.primefaces.event.schedule.ScheduleEntryMoveEvent;
import org.primefaces.model.DefaultScheduleEvent;
import org.primefaces.model.LazyScheduleModel;
import org.primefaces.model.ScheduleModel;

/**
 * A client's calendar (/client/calendar.xhtml?client=ID): posts by their time in the client's zone, coloured by state;
 * dragging a post moves it, keeping its approval.
 */
@Named
@ViewScoped
public class PlanCalendar implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAccess access;
    @Inject
    Posts posts;

    private ScheduleModel model;

    public void open() {
        if (access.open()) {
            model = new PostsInRange();
        }
    }

    /** Drag and drop: the post's wall-clock time in the client's zone moves by the days and minutes dragged. */
    public void move(ScheduleEntryMoveEvent event) {
        long postId = Long.parseLong(event.getScheduleEvent().getId());
        ZoneId zone = access.getClient().zone();
        Feedback.attempt(() -> {
            Actor actor = access.enter();
            Post post = posts.find(postId);
            LocalDateTime from = LocalDateTime.ofInstant(post.getScheduledAt().orElseThrow(), zone);
            LocalDateTime to = from.plusYears(event.getYearDelta()).plusMonths(event.getMonthDelta())
                    .plusDays(event.getDayDelta()).plusMinutes(event.getMinuteDelta());
            posts.schedule(actor, postId, ZonedDateTime.ofLocal(to, zone, null).toInstant());
        }, "Moved. Its approval is kept.");
    }

    public boolean isMayMove() {
        return access.isOpen() && access.enter().isStaff();
    }

    public String getZone() {
        return access.getClient().zone().getId();
    }

    public ClientAccess getAccess() {
        return access;
    }

    public ScheduleModel getModel() {
        return model;
    }

    private class PostsInRange extends LazyScheduleModel {

        private static final long serialVersionUID = 1L;

        @Override
        public void loadEvents(LocalDateTime start, LocalDateTime end) {
            ZoneId zone = access.getClient().zone();
            access.enter();
            for (Post post : posts.scheduledBetween(start.atZone(zone).toInstant(), end.atZone(zone).toInstant())) {
                LocalDateTime at = LocalDateTime.ofInstant(post.getScheduledAt().orElseThrow(), zone);
                addEvent(DefaultScheduleEvent.builder().id(post.getId().toString())
                        .title(post.getTitle() + " · " + post.getState().label())
                        .startDate(at).endDate(at.plusMinutes(30)).styleClass("herald-event " + post.getState())
                        .build());
            }
        }
    }
}
