package app.herald.api.application;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A post as the API shows it. Times are instants; {@code scheduledLocal} is the same moment in the client's zone,
 * as its calendar shows it.
 */
@Schema(name = "PostView", description = "A post with its variants")
public record PostView(@Schema(type = SchemaType.INTEGER, format = "int64") long id, String title, String text,
                       String state,
                       @Schema(type = SchemaType.STRING, format = "date-time") Instant scheduledAt,
                       String scheduledLocal, String timeZone,
                       @Schema(type = SchemaType.INTEGER, format = "int64") Long campaign, List<String> tags,
                       String author, @Schema(type = SchemaType.STRING, format = "date-time") Instant updatedAt,
                       List<VariantView> variants) {

    /** One network's version of the post. */
    @Schema(name = "VariantView", description = "One network's version of the post")
    public record VariantView(@Schema(type = SchemaType.INTEGER, format = "int64") long channel, String network,
                              String channelName, String text, String firstComment, List<Long> media) {
    }
}
