package app.herald.kernel.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.faces.convert.ConverterException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DateFieldsAndCookiesTest {

    private final DateFields.Day day = new DateFields.Day();
    private final DateFields.DayAndTime dayAndTime = new DateFields.DayAndTime();

    @Test
    void aDayThatDoesNotExistIsRefusedNotMovedToTheEndOfTheMonth() {
        assertEquals(LocalDate.of(2028, 2, 29), day.getAsObject(null, null, "2028-02-29"));
        for (String impossible : new String[] {"2026-02-30", "2027-02-29", "2026-13-01", "2026-1-5", "tomorrow"}) {
            ConverterException refused = assertThrows(ConverterException.class, () -> day.getAsObject(null, null, impossible));
            assertTrue(refused.getFacesMessage().getSummary().contains("is not a real date"), impossible);
        }
        assertNull(day.getAsObject(null, null, " "), "an empty field is no date, for required= to judge");
        assertEquals("2026-03-01", day.getAsString(null, null, LocalDate.of(2026, 3, 1)));
    }

    @Test
    void yearsOutsideTheRangeAreRefused() {
        for (String far : new String[] {"1999-12-31", "2101-01-01", "0026-01-01"}) {
            ConverterException refused = assertThrows(ConverterException.class, () -> day.getAsObject(null, null, far));
            assertEquals("Herald takes dates from 2000 to 2100.", refused.getFacesMessage().getSummary(), far);
        }
    }

    @Test
    void timesAreReadStrictlyToo() {
        assertEquals(LocalDateTime.of(2026, 12, 24, 9, 30), dayAndTime.getAsObject(null, null, "2026-12-24 09:30"));
        assertThrows(ConverterException.class, () -> dayAndTime.getAsObject(null, null, "2026-12-24 24:30"));
        assertThrows(ConverterException.class, () -> dayAndTime.getAsObject(null, null, "2026-04-31 09:30"));
        assertEquals("2026-12-24 09:30", dayAndTime.getAsString(null, null, LocalDateTime.of(2026, 12, 24, 9, 30)));
    }

    @Test
    void theSessionCookieIsSecureWheneverHeraldsAddressIsHttps() {
        assertTrue(SessionCookies.secure(Optional.empty(), Optional.of("https://herald.example.com")));
        assertTrue(SessionCookies.secure(Optional.empty(), Optional.of(" HTTPS://herald.example.com")));
        assertFalse(SessionCookies.secure(Optional.empty(), Optional.of("http://localhost:8080")));
        assertFalse(SessionCookies.secure(Optional.empty(), Optional.empty()));
        assertTrue(SessionCookies.secure(Optional.of(true), Optional.of("http://intranet:8080")), "the operator decides");
        assertFalse(SessionCookies.secure(Optional.of(false), Optional.of("https://herald.example.com")));
    }
}
