package app.herald.analytics.web;

import app.herald.analytics.application.Analytics;
import app.herald.analytics.domain.FigureText;
import app.herald.analytics.domain.PostPerformance;
import app.herald.content.application.Channels;
import app.herald.content.domain.Channel;
import app.herald.content.domain.Post;
import app.herald.content.web.ViewPost;
import app.herald.kernel.web.Charts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A published post's numbers on its page: per channel, its lifetime figures (what a network does not offer reads
 * "not available"), Herald's own clicks and conversions, and a chart of how its impressions and engagements grew
 * reading by reading. The post and the client come from the page's {@link ViewPost}.
 */
@Named
@ViewScoped
public class PostResults implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    @Inject
    ViewPost page;
    @Inject
    Analytics analytics;
    @Inject
    Channels channels;

    private transient List<Map<String, String>> rows;
    private transient String chart;

    public List<Map<String, String>> getRows() {
        if (rows == null) {
            load();
        }
        return rows;
    }

    public String getChart() {
        if (chart == null) {
            load();
        }
        return chart;
    }

    private void load() {
        Post post = page.getPost();
        List<PostPerformance> results = post == null ? List.of() : analytics.ofPost(post.getId());
        List<Map<String, String>> table = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Charts.Series> series = new ArrayList<>();
        String[] colours = {Charts.BLUE, Charts.GREEN, Charts.AMBER, Charts.VIOLET};
        int i = 0;
        for (PostPerformance p : results) {
            Channel channel = channels.find(p.channelId());
            Map<String, String> row = new LinkedHashMap<>();
            row.put("channel", channel.label());
            row.put("impressions", FigureText.count(p.numbers().impressions()));
            row.put("reach", FigureText.count(p.numbers().reach()));
            row.put("engagements", FigureText.count(p.engagements()));
            row.put("rate", FigureText.percent(p.engagementRate()));
            row.put("likes", FigureText.count(p.numbers().likes()));
            row.put("shares", FigureText.count(p.numbers().shares()));
            row.put("replies", FigureText.count(p.numbers().replies()));
            row.put("clicks", FigureText.count(p.clicks()));
            row.put("ctr", FigureText.percent(p.clickThroughRate()));
            row.put("conversions", FigureText.count(p.conversions()));
            row.put("measured", p.measuredAt() == null ? "not measured yet"
                    : "read " + p.checkpoints() + "× · last " + page.getAccess().local(p.measuredAt()));
            row.put("problem", p.lastError() == null ? "" : p.lastError());
            table.add(row);
            List<Long[]> curve = analytics.curve(p.publicationId());
            if (labels.size() < curve.size()) {
                labels.clear();
                curve.forEach(point -> labels.add(WHEN.format(Instant.ofEpochMilli(point[0])
                        .atZone(page.getAccess().getClient().zone()))));
            }
            series.add(new Charts.Series(channel.label() + " impressions", curve.stream().map(c -> c[1]).toList(),
                    colours[i % colours.length], null));
            series.add(new Charts.Series(channel.label() + " engagements", curve.stream().map(c -> c[2]).toList(),
                    colours[(i + 1) % colours.length], null));
            i += 2;
        }
        rows = table;
        chart = Charts.line(labels, series.toArray(Charts.Series[]::new));
    }

}
