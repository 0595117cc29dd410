package app.herald.content.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** One checked line of a bulk import: where it goes out, with which text, on which channels. */
public record ImportRow(int line, Instant when, String whenLocal, String text, List<Long> channelIds,
                        List<String> channelLabels, Long campaignId, List<Long> mediaIds) implements Serializable {

    public ImportRow {
        channelIds = List.copyOf(channelIds);
        channelLabels = List.copyOf(channelLabels);
        mediaIds = List.copyOf(mediaIds);
    }

    /** The working title of the imported post: the start of its text. */
    public String title() {
        String firstLine = text.strip().lines().findFirst().orElse("Imported post");
        return firstLine.length() <= 60 ? firstLine : firstLine.substring(0, 57) + "...";
    }
}
