package app.herald.kernel.web;

import app.herald.kernel.RuleViolation;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.function.Function;

/**
 * Strict reading of the dates and times people type. PrimeFaces' date picker reads leniently, so that 2026-02-30
 * silently became 2026-02-28; these converters refuse a day that does not exist and any year outside
 * {@value #FIRST_YEAR}–{@value #LAST_YEAR}, with a message on the field. Use with
 * {@code <f:converter converterId="herald.date"/>} or {@code "herald.dateTime"}.
 */
public final class DateFields {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    private DateFields() {
    }

    static <T extends TemporalAccessor> T read(String text, DateTimeFormatter format, Function<String, T> parse,
                                                String example) {
        if (text == null || text.isBlank()) {
            return null;
        }
        T value;
        try {
            value = parse.apply(text.strip());
        } catch (DateTimeException e) {
            throw refused("\"" + text.strip() + "\" is not a real " + example + ".");
        }
        int year = value.get(java.time.temporal.ChronoField.YEAR);
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw refused("Herald takes dates from " + FIRST_YEAR + " to " + LAST_YEAR + ".");
        }
        return value;
    }

    /** A time of day as people type it, 09:30; anything else is refused with a message naming the field. */
    public static LocalTime timeOfDay(String what, String text) {
        try {
            return LocalTime.parse(text == null ? "" : text.strip());
        } catch (DateTimeException e) {
            throw new RuleViolation(what + " is a time such as 09:30, not \""
                    + (text == null ? "" : text.strip()) + "\".");
        }
    }

    private static ConverterException refused(String message) {
        return new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    }

    /** A day, written 2026-03-31. */
    @FacesConverter("herald.date")
    public static class Day implements Converter<LocalDate> {

        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

        @Override
        public LocalDate getAsObject(FacesContext context, UIComponent component, String value) {
            return read(value, FORMAT, s -> LocalDate.parse(s, FORMAT), "date (YYYY-MM-DD)");
        }

        @Override
        public String getAsString(FacesContext context, UIComponent component, LocalDate value) {
            return value == null ? "" : FORMAT.format(value);
        }
    }

    /** A day and a time of day, written 2026-03-31 14:30. */
    @FacesConverter("herald.dateTime")
    public static class DayAndTime implements Converter<LocalDateTime> {

        private static final DateTimeFormatter FORMAT =
                DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);

        @Override
        public LocalDateTime getAsObject(FacesContext context, UIComponent component, String value) {
            return read(value, FORMAT, s -> LocalDateTime.parse(s, FORMAT), "date and time (YYYY-MM-DD HH:MM)");
        }

        @Override
        public String getAsString(FacesContext context, UIComponent component, LocalDateTime value) {
            return value == null ? "" : FORMAT.format(value);
        }
    }
}
