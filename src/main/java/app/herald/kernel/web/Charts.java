package app.herald.kernel.web;

import static app.herald.kernel.JsonSupport.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Chart.js configurations for PrimeFaces' {@code p:chart} (which takes the configuration as JSON). Built with JSON-P,
 * so that labels written by people (post titles, campaign names) are escaped, never spliced into script.
 */
public final class Charts {

    public static final String BLUE = "#1d4ed8";
    public static final String GREEN = "#059669";
    public static final String AMBER = "#d97706";
    public static final String VIOLET = "#7c3aed";

    private Charts() {
    }

    /** One series; a null value is a gap ("not available"), not zero. */
    public record Series(String label, List<? extends Number> values, String colour, String type) {
    }

    public static String line(List<String> labels, Series... series) {
        return chart("line", labels, series, false);
    }

    public static String bar(List<String> labels, Series... series) {
        return chart("bar", labels, series, false);
    }

    /** Bars with a line over them on a second axis (e.g. engagements per day and impressions). */
    public static String barWithLine(List<String> labels, Series bars, Series line) {
        return chart("bar", labels, new Series[] {bars, line}, true);
    }

    private static String chart(String type, List<String> labels, Series[] series, boolean secondAxis) {
        JsonArrayBuilder labelArray = JSON.createArrayBuilder();
        labels.forEach(labelArray::add);
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (int i = 0; i < series.length; i++) {
            Series s = series[i];
            JsonArrayBuilder data = JSON.createArrayBuilder();
            for (Number n : s.values()) {
                if (n == null) {
                    data.addNull();
                } else if (n instanceof java.math.BigDecimal d) {
                    data.add(d);
                } else {
                    data.add(n.longValue());
                }
            }
            JsonObjectBuilder set = JSON.createObjectBuilder().add("label", s.label()).add("data", data)
                    .add("borderColor", s.colour()).add("backgroundColor", s.colour() + (type.equals("line")
                            && s.type() == null ? "33" : "cc")).add("spanGaps", false).add("pointRadius", 0)
                    .add("borderWidth", 2).add("tension", 0.25);
            if (s.type() != null) {
                set.add("type", s.type());
            }
            if (secondAxis && i == 1) {
                set.add("yAxisID", "y1");
            }
            datasets.add(set);
        }
        JsonObjectBuilder scales = JSON.createObjectBuilder()
                .add("x", JSON.createObjectBuilder().add("ticks", JSON.createObjectBuilder().add("maxTicksLimit", 12)))
                .add("y", JSON.createObjectBuilder().add("beginAtZero", !type.equals("line")));
        if (secondAxis) {
            scales.add("y1", JSON.createObjectBuilder().add("position", "right").add("beginAtZero", true)
                    .add("grid", JSON.createObjectBuilder().add("drawOnChartArea", false)));
        }
        return JSON.createObjectBuilder().add("type", type)
                .add("data", JSON.createObjectBuilder().add("labels", labelArray).add("datasets", datasets))
                .add("options", JSON.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
                        .add("animation", false)
                        .add("interaction", JSON.createObjectBuilder().add("mode", "index").add("intersect", false))
                        .add("plugins", JSON.createObjectBuilder().add("legend", JSON.createObjectBuilder()
                                .add("position", "bottom")))
                        .add("scales", scales))
                .build().toString();
    }
}
