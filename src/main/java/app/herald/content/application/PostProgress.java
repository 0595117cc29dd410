package app.herald.content.application;

import java.util.Collection;
import java.util.Map;

/**
 * Where posts stand beyond their review, for calendars: a capability above content that knows more of a post's fate
 * (publishing: published, failed, ...) provides it, and content shows it without knowing that capability.
 */
public interface PostProgress {

    /** One stage per post that has more to say than its review state; posts without one are left out. */
    Map<Long, Stage> of(Collection<Long> postIds);

    /** A label for people and a style class for the calendar. */
    record Stage(String label, String styleClass) {
    }

    /** The stages of all providers (there is one today), for posts of the current tenant. */
    static Map<Long, Stage> combined(Iterable<PostProgress> providers, Collection<Long> postIds) {
        Map<Long, Stage> stages = new java.util.HashMap<>();
        for (PostProgress provider : providers) {
            stages.putAll(provider.of(postIds));
        }
        return stages;
    }
}
