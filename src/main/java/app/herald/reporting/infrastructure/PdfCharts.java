package app.herald.reporting.infrastructure;

import app.herald.analytics.domain.FigureText;
import app.herald.reporting.domain.ReportContent.Day;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The report's two charts, drawn as vector graphics into a template that flows in the document like an image: sharp
 * at any zoom, and no chart library (with its own fonts and AWT needs) on the server.
 */
final class PdfCharts {

    /** More daily bars than this get too thin to read; the bar chart then shows weeks. */
    private static final int MAX_DAILY_BARS = 62;

    private static final float HEIGHT = 190;
    private static final float LEFT = 58;
    private static final float RIGHT = 12;
    private static final float TOP = 12;
    private static final float BOTTOM = 34;
    private static final float TICK_SIZE = 7;

    private final PdfContentByte canvas;
    private final PdfTheme theme;
    private final float width;

    PdfCharts(PdfContentByte canvas, PdfTheme theme, float width) {
        this.canvas = canvas;
        this.theme = theme;
        this.width = width;
    }

    /** One point of a series: its first day, and a value that is null where the network gave none. */
    record Point(LocalDate date, Long value) {
    }

    /** Total followers per day as a line; days without a count leave a gap rather than a fall to zero. */
    Element followersLine(List<Point> points) throws BadElementException {
        PdfTemplate t = frame("Followers");
        LocalDate first = points.get(0).date();
        long span = Math.max(1, ChronoUnit.DAYS.between(first, points.get(points.size() - 1).date()));
        Range range = Range.of(points, false);
        t.setColorStroke(theme.primary);
        t.setLineWidth(1.6f);
        t.setLineJoin(PdfContentByte.LINE_JOIN_ROUND);
        boolean drawing = false;
        List<float[]> isolated = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (p.value() == null) {
                drawing = false;
                continue;
            }
            float x = LEFT + plotWidth() * ChronoUnit.DAYS.between(first, p.date()) / span;
            float y = range.y(p.value());
            if (drawing) {
                t.lineTo(x, y);
            } else {
                t.moveTo(x, y);
                drawing = true;
                if (i + 1 == points.size() || points.get(i + 1).value() == null) {
                    isolated.add(new float[] {x, y});
                }
            }
        }
        t.stroke();
        // A day with a count between two without one would otherwise be a line of no length: invisible.
        t.setColorFill(theme.primary);
        for (float[] dot : isolated) {
            t.circle(dot[0], dot[1], 1.8f);
        }
        if (!isolated.isEmpty()) {
            t.fill();
        }
        yTicks(t, range);
        xLabels(t, ReportFormats.date(first), ReportFormats.date(points.get(points.size() - 1).date()), "Date");
        return Image.getInstance(t);
    }

    /** Engagements as bars, one per day, or per week (from Monday) for a long period. */
    Element engagementBars(List<Point> buckets, boolean weekly) throws BadElementException {
        PdfTemplate t = frame("Engagements");
        Range range = Range.of(buckets, true);
        float slot = plotWidth() / buckets.size();
        float bar = Math.max(0.8f, slot * 0.7f);
        float base = range.y(0);
        t.setColorFill(theme.primary);
        boolean anyBar = false;
        for (int i = 0; i < buckets.size(); i++) {
            Long value = buckets.get(i).value();
            if (value != null && value > 0) {
                float x = LEFT + i * slot + (slot - bar) / 2;
                t.rectangle(x, base, bar, range.y(value) - base);
                anyBar = true;
            }
        }
        if (anyBar) {
            t.fill();
        }
        yTicks(t, range);
        String first = ReportFormats.date(buckets.get(0).date());
        String last = ReportFormats.date(buckets.get(buckets.size() - 1).date());
        xLabels(t, first, last, weekly ? "Week (Monday to Sunday)" : "Date");
        return Image.getInstance(t);
    }

    static boolean weekly(List<Day> days) {
        return days.size() > MAX_DAILY_BARS;
    }

    /**
     * The days' engagements, summed per week (Monday to Sunday) when there are too many days for a bar each. A week
     * is dated by its first day in the period, so that the axis does not start before the report does.
     */
    static List<Point> engagementBuckets(List<Day> days) {
        boolean weekly = weekly(days);
        List<Point> buckets = new ArrayList<>();
        LocalDate bucket = null;
        LocalDate first = null;
        Long sum = null;
        for (Day day : days.stream().sorted(Comparator.comparing(Day::date)).toList()) {
            LocalDate key = weekly ? day.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.date();
            if (!key.equals(bucket)) {
                if (bucket != null) {
                    buckets.add(new Point(first, sum));
                }
                bucket = key;
                first = day.date();
                sum = null;
            }
            if (day.engagements() != null) {
                sum = sum == null ? day.engagements() : sum + day.engagements();
            }
        }
        if (bucket != null) {
            buckets.add(new Point(first, sum));
        }
        return buckets;
    }

    static List<Point> followers(List<Day> days) {
        return days.stream().sorted(Comparator.comparing(Day::date)).map(d -> new Point(d.date(), d.followers()))
                .toList();
    }

    /** True when the series has at least one value: otherwise the report says so instead of an empty chart. */
    static boolean hasValues(List<Point> points) {
        return points.stream().anyMatch(p -> p.value() != null);
    }

    private PdfTemplate frame(String yLabel) {
        PdfTemplate t = canvas.createTemplate(width, HEIGHT);
        t.setColorStroke(PdfTheme.MUTED);
        t.setLineWidth(0.6f);
        t.moveTo(LEFT, HEIGHT - TOP);
        t.lineTo(LEFT, BOTTOM);
        t.lineTo(width - RIGHT, BOTTOM);
        t.stroke();
        t.beginText();
        t.setFontAndSize(theme.font, 8);
        t.setColorFill(PdfTheme.MUTED);
        t.showTextAligned(Element.ALIGN_CENTER, yLabel, 10, BOTTOM + (HEIGHT - TOP - BOTTOM) / 2, 90);
        t.endText();
        return t;
    }

    private void yTicks(PdfTemplate t, Range range) {
        t.setColorStroke(PdfTheme.RULE);
        t.setLineWidth(0.4f);
        t.setLineDash(2, 2, 0);
        for (long tick : range.ticks()) {
            t.moveTo(LEFT, range.y(tick));
            t.lineTo(width - RIGHT, range.y(tick));
        }
        t.stroke();
        t.setLineDash(0);
        t.beginText();
        t.setFontAndSize(theme.font, TICK_SIZE);
        t.setColorFill(PdfTheme.TEXT);
        for (long tick : range.ticks()) {
            t.showTextAligned(Element.ALIGN_RIGHT, theme.clean(FigureText.count(tick)), LEFT - 4,
                    range.y(tick) - TICK_SIZE / 3, 0);
        }
        t.endText();
    }

    private void xLabels(PdfTemplate t, String first, String last, String axis) {
        t.beginText();
        t.setFontAndSize(theme.font, TICK_SIZE);
        t.setColorFill(PdfTheme.TEXT);
        t.showTextAligned(Element.ALIGN_LEFT, first, LEFT, BOTTOM - 11, 0);
        t.showTextAligned(Element.ALIGN_RIGHT, last, width - RIGHT, BOTTOM - 11, 0);
        t.setFontAndSize(theme.font, 8);
        t.setColorFill(PdfTheme.MUTED);
        t.showTextAligned(Element.ALIGN_CENTER, axis, LEFT + plotWidth() / 2, 6, 0);
        t.endText();
    }

    private float plotWidth() {
        return width - LEFT - RIGHT;
    }

    /** The values' span on the y axis, with the smallest and largest value as ticks. */
    private record Range(long min, long max, long low, long high) {

        static Range of(List<Point> points, boolean fromZero) {
            long min = points.stream().map(Point::value).filter(v -> v != null).mapToLong(Long::longValue).min()
                    .orElse(0);
            long max = points.stream().map(Point::value).filter(v -> v != null).mapToLong(Long::longValue).max()
                    .orElse(0);
            if (fromZero) {
                min = Math.min(0, min);
            }
            long low = min;
            long high = max;
            if (low == high && fromZero && low == 0) {
                high = 1;
            } else if (low == high) {
                // A flat line in the middle, not on the axis or off the chart.
                low -= 1;
                high += 1;
            }
            return new Range(min, max, low, high);
        }

        long[] ticks() {
            return min == max ? new long[] {max} : new long[] {min, max};
        }

        float y(long value) {
            return BOTTOM + (HEIGHT - TOP - BOTTOM) * (float) ((double) (value - low) / (high - low));
        }
    }
}
