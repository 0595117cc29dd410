package app.herald.analytics.domain;

/**
 * How a period is read. ACTIVITY counts what happened during the period, whichever post it happened to (a post from
 * last month that is still liked this month adds to this month). LIFETIME counts everything the posts published in
 * the period ever earned, up to now; it is how a campaign's posts are judged, and its recent numbers still grow.
 */
public enum Basis {
    ACTIVITY("Activity in the period"), LIFETIME("Lifetime of posts published in the period");

    private final String label;

    Basis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String getLabel() {
        return label;
    }
}
