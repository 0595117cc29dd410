package app.herald.analytics.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A publication's lifetime numbers so far, with what Herald counted itself (clicks, conversions). */
public record PostPerformance(long publicationId, long postId, long channelId, Long campaignId, Instant publishedAt,
                              Instant measuredAt, int checkpoints, PostNumbers numbers, long clicks,
                              long conversions, long conversionValueCents, String lastError) {

    public Long engagements() {
        return numbers.engagements();
    }

    public BigDecimal engagementRate() {
        return Formulas.engagementRateByImpressions(numbers.engagements(), numbers.impressions());
    }

    public BigDecimal clickThroughRate() {
        return Formulas.clickThroughRate(clicks, numbers.impressions());
    }
}
