package app.herald.content.web;

import app.herald.kernel.WallClock;
import app.herald.content.application.Campaigns;
import app.herald.content.application.Channels;
import app.herald.content.application.PostLists;
import app.herald.content.application.Posts;
import app.herald.approval.domain.PostState;
import app.herald.content.domain.Campaign;
import app.herald.content.domain.Channel;
import app.herald.content.domain.Post;
import app.herald.identity.domain.Actor;
import app.herald.kernel.web.Feedback;
import app.herald.tenancy.web.ClientAccess;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.event.schedule.ScheduleEntryMoveEvent;
import app.herald.content.application.PostProgress;
import jakarta.enterprise.inject.Instance;
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
    @Inject
    PostLists lists;
    @Inject
    Instance<PostProgress> progress;

    @Inject
    Channels channels;
    @Inject
    Campaigns campaigns;

    private ScheduleModel model;
    private List<Channel> channelList;
    private List<Campaign> campaignList;
    private Long channelFilter;
    private Long campaignFilter;
    private PostState stateFilter;
    private String authorFilter;
    private boolean colourByCampaign;
    private boolean mayMove;

    public void open() {
        if (access.open()) {
            model = new PostsInRange();
            mayMove = access.enter().writesContent();
            channelList = channels.all();
            campaignList = campaigns.all();
        }
    }

    /** Filters and colours apply on the next load of the visible range. */
    public void applyFilters() {
        model = new PostsInRange();
    }

    private boolean shown(Post post, Map<Long, Set<Long>> channelsOf) {
        return (stateFilter == null || post.getState() == stateFilter)
                && (campaignFilter == null || campaignFilter.equals(post.getCampaignId().orElse(null)))
                && (authorFilter == null || authorFilter.isBlank() || post.getAuthorName().equals(authorFilter))
                && (channelFilter == null || channelsOf.getOrDefault(post.getId(), Set.of()).contains(channelFilter));
    }

    private String colourOf(Post post) {
        return post.getCampaignId().flatMap(id -> campaignList.stream().filter(c -> c.getId().equals(id)).findFirst())
                .map(Campaign::getColour).orElse("#64748b");
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
            posts.schedule(actor, postId, WallClock.at(to, zone).toInstant());
        }, "Moved. Its approval is kept.");
    }

    public boolean isMayMove() {
        return mayMove;
    }

    public String getZone() {
        return access.getClient().zone().getId();
    }

    public List<String> getAuthors() {
        return lists.authors(access.enter());
    }

    public PostState[] getStates() {
        return PostState.values();
    }

    public List<Channel> getChannelList() {
        return channelList;
    }

    public List<Campaign> getCampaignList() {
        return campaignList;
    }

    public Long getChannelFilter() {
        return channelFilter;
    }

    public void setChannelFilter(Long channelFilter) {
        this.channelFilter = channelFilter;
    }

    public Long getCampaignFilter() {
        return campaignFilter;
    }

    public void setCampaignFilter(Long campaignFilter) {
        this.campaignFilter = campaignFilter;
    }

    public PostState getStateFilter() {
        return stateFilter;
    }

    public void setStateFilter(PostState stateFilter) {
        this.stateFilter = stateFilter;
    }

    public String getAuthorFilter() {
        return authorFilter;
    }

    public void setAuthorFilter(String authorFilter) {
        this.authorFilter = authorFilter;
    }

    public boolean isColourByCampaign() {
        return colourByCampaign;
    }

    public void setColourByCampaign(boolean colourByCampaign) {
        this.colourByCampaign = colourByCampaign;
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
            List<Post> planned = posts.scheduledBetween(access.enter(), start.atZone(zone).toInstant(),
                    end.atZone(zone).toInstant());
            Map<Long, Set<Long>> channelsOf = channelFilter == null ? Map.of() : posts.channelsOf(planned);
            Map<Long, PostProgress.Stage> publishing = PostProgress.combined(progress,
                    planned.stream().map(Post::getId).toList());
            for (Post post : planned) {
                if (!shown(post, channelsOf)) {
                    continue;
                }
                LocalDateTime at = LocalDateTime.ofInstant(post.getScheduledAt().orElseThrow(), zone);
                PostProgress.Stage summary = publishing.get(post.getId());
                DefaultScheduleEvent.Builder<Object> event = DefaultScheduleEvent.builder().id(post.getId().toString())
                        .title(post.getTitle() + " · " + (summary == null ? post.getState().label() : summary.label()))
                        .startDate(at).endDate(at.plusMinutes(30))
                        .styleClass("herald-event " + (summary == null ? post.getState() : summary.styleClass()));
                if (colourByCampaign) {
                    event.backgroundColor(colourOf(post)).borderColor(colourOf(post));
                }
                addEvent(event.build());
            }
        }
    }
}
