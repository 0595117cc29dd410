package app.herald.api.application;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A post as a client of the API writes it: a working title, the base text and the channels it goes to, each with
 * the base text unless a variant gives its own; optionally a time, a campaign and tags.
 */
@Schema(name = "PostInput", description = "A post to write: its title, text, channels and their variants; a campaign "
        + "or tags not given are left as they are")
public record PostInput(String title, String text, List<Long> channels, List<VariantInput> variants,
                        @Schema(type = SchemaType.STRING, format = "date-time") Instant scheduledAt,
                        @Schema(type = SchemaType.INTEGER, format = "int64",
                                description = "a campaign of the client; not given: left as it is")
                        Long campaign,
                        List<String> tags) {

    /**
     * A channel's own text (and first comment), where it differs from the base text, and its media: ids of the
     * client's library, in order (not given: left as they are; empty: none).
     */
    @Schema(name = "VariantInput", description = "A channel's own text and first comment")
    public record VariantInput(@Schema(type = SchemaType.INTEGER, format = "int64") Long channel, String text,
                               String firstComment, List<Long> media) {
    }
}
