package app.herald.content.application;

import app.herald.content.domain.MediaFile;
import app.herald.content.domain.Variant;
import app.herald.tenancy.domain.TenantDb;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What goes out on a channel, read inside the transaction of the one who sends it (publishing reads it for every
 * publication). A CDI bean that only joins a transaction: an EJB call would cost the container's whole invocation on
 * every publication for nothing (ADR 0032).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ChannelCopies {

    @Inject
    @TenantDb
    EntityManager em;

    /** What goes out on one channel: the post's variant for it, the post's campaign (null when none), its media. */
    public record ChannelCopy(Variant variant, Long campaignId, List<MediaFile> media) {
    }

    /**
     * The post's variant for the channel with the post's campaign and the variant's media in order, in one query (one
     * row per medium, or one without); empty when the post has no variant for the channel.
     */
    public Optional<ChannelCopy> of(long postId, long channelId) {
        List<Object[]> rows = em.createNamedQuery("Variant.onChannelWithCampaignAndMedia", Object[].class)
                .setParameter("postId", postId).setParameter("channelId", channelId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<MediaFile> media = rows.stream().map(row -> (MediaFile) row[2]).filter(Objects::nonNull).toList();
        return Optional.of(new ChannelCopy((Variant) rows.get(0)[0], (Long) rows.get(0)[1], media));
    }
}
