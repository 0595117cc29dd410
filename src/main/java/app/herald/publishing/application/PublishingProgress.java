package app.herald.publishing.application;

import app.herald.content.application.PostProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Tells the calendars where each post's publications stand (failed, publishing, published, ...). */
@ApplicationScoped
public class PublishingProgress implements PostProgress {

    @Inject
    Publications publications;

    @Override
    public Map<Long, Stage> of(Collection<Long> postIds) {
        Map<Long, Stage> stages = new HashMap<>();
        publications.summaries(postIds).forEach((postId, summary) ->
                stages.put(postId, new Stage(summary.label(), summary.name())));
        return stages;
    }
}
