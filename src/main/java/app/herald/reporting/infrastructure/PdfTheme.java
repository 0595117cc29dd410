package app.herald.reporting.infrastructure;

import app.herald.analytics.domain.FigureText;
import app.herald.reporting.domain.ReportContent.Branding;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The agency's colours and one font for a PDF report, and the guard that keeps text the font cannot draw out of it.
 *
 * <p>Client names, post titles and notes may hold any Unicode. The standard Helvetica knows only Western European
 * letters, so the font is the Liberation Sans that OpenPDF itself ships (in its jar, for the same purpose): it also
 * covers Central European, Greek and Cyrillic text and the minus sign. It has no emoji and no CJK; such a character
 * becomes '?', because a font would otherwise silently drop it or draw an empty box. Bold is simulated by OpenPDF
 * (fill and stroke), as there is one face only.
 */
final class PdfTheme {

    static final Color DEFAULT_PRIMARY = new Color(0x1F, 0x3A, 0x5F);
    static final Color DEFAULT_ACCENT = new Color(0xE0, 0x7A, 0x1F);
    static final Color TEXT = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x6B, 0x6B, 0x6B);
    static final Color RULE = new Color(0xCC, 0xCC, 0xCC);
    static final Color ROW_SHADE = new Color(0xF4, 0xF4, 0xF4);

    private static final String UNICODE_FONT = "font-fallback/LiberationSans-Regular.ttf";
    private static final Pattern HEX_COLOUR = Pattern.compile("#?[0-9a-fA-F]{6}");

    final BaseFont font;
    final Color primary;
    final Color accent;
    /** The colours for text on white: an agency's pale yellow is a fine fill but unreadable as letters. */
    final Color primaryInk;
    final Color accentInk;

    PdfTheme(Branding branding, BaseFont font) {
        this.font = font;
        this.primary = colour(branding == null ? null : branding.primaryColour(), DEFAULT_PRIMARY);
        this.accent = colour(branding == null ? null : branding.accentColour(), DEFAULT_ACCENT);
        this.primaryInk = luminance(primary) > 0.75 ? TEXT : primary;
        this.accentInk = luminance(accent) > 0.75 ? TEXT : accent;
    }

    /** A font per document: a BaseFont is cheap to make, and not sharing one keeps threads apart. */
    static PdfTheme of(Branding branding) {
        return new PdfTheme(branding, unicodeFont());
    }

    static BaseFont unicodeFont() {
        try {
            return BaseFont.createFont(UNICODE_FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null);
        } catch (DocumentException | IOException e) {
            // Only a changed OpenPDF jar gets here; Helvetica still works, with more '?' in foreign text.
            try {
                return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            } catch (DocumentException | IOException helveticaMissing) {
                throw new UncheckedIOException(new IOException("no font for the PDF report", helveticaMissing));
            }
        }
    }

    /** The text as the font can draw it: composed, without invisible joiners, unknown characters as '?'. */
    String clean(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        Normalizer.normalize(text, Normalizer.Form.NFC).codePoints().forEach(c -> {
            if (c == '\n') {
                out.append('\n');
            } else if (c == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || isVariationSelector(c)) {
                return;
            } else if (font.charExists(c)) {
                out.appendCodePoint(c);
            } else {
                out.append(plainSubstitute(c));
            }
        });
        return out.toString();
    }

    private static boolean isVariationSelector(int c) {
        return c >= 0xFE00 && c <= 0xFE0F || c >= 0xE0100 && c <= 0xE01EF;
    }

    private static char plainSubstitute(int c) {
        return switch (c) {
            case FigureText.MINUS -> '-';
            case '\u2013', '\u2014' -> '-';
            case '\u00A0', '\u2007', '\u202F' -> ' ';
            default -> '?';
        };
    }

    Font font(float size, boolean bold, Color colour) {
        return new Font(font, size, bold ? Font.BOLD : Font.NORMAL, colour);
    }

    Phrase phrase(String text, float size, boolean bold, Color colour) {
        return new Phrase(clean(text), font(size, bold, colour));
    }

    Paragraph paragraph(String text, float size, boolean bold, Color colour) {
        Paragraph paragraph = new Paragraph(clean(text), font(size, bold, colour));
        paragraph.setLeading(size * 1.3f);
        return paragraph;
    }

    Paragraph heading(String text) {
        Paragraph heading = paragraph(text, 15, true, primaryInk);
        heading.setSpacingBefore(14);
        heading.setSpacingAfter(6);
        heading.setKeepTogether(true);
        return heading;
    }

    PdfPCell headerCell(String text, Color background, int alignment) {
        PdfPCell cell = new PdfPCell(phrase(text, 8, true, readableOn(background)));
        cell.setBackgroundColor(background);
        cell.setBorderColor(background);
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(4);
        return cell;
    }

    PdfPCell cell(String text, int alignment, boolean shaded) {
        PdfPCell cell = new PdfPCell(phrase(text, 8, false, TEXT));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        cell.setPadding(4);
        if (shaded) {
            cell.setBackgroundColor(ROW_SHADE);
        }
        return cell;
    }

    /** Black or white, whichever stands out on the agency's colour: brands pick pale yellows too. */
    static Color readableOn(Color background) {
        return luminance(background) > 0.6 ? Color.BLACK : Color.WHITE;
    }

    private static double luminance(Color colour) {
        return (0.299 * colour.getRed() + 0.587 * colour.getGreen() + 0.114 * colour.getBlue()) / 255;
    }

    static Color colour(String hex, Color fallback) {
        if (hex == null || !HEX_COLOUR.matcher(hex.strip()).matches()) {
            return fallback;
        }
        String digits = hex.strip().replace("#", "");
        return new Color(Integer.parseInt(digits, 16));
    }
}
