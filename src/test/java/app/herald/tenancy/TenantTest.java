package app.herald.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.herald.kernel.RuleViolation;
import app.herald.tenancy.domain.Logo;
import app.herald.tenancy.domain.SchemaName;
import app.herald.tenancy.domain.Tenant;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TenantTest {

    private final Tenant acme = new Tenant(1, "  Acme Coffee ", ZoneId.of("Europe/Berlin"),
            new SchemaName("herald_t_abc"), Instant.EPOCH);

    @Test
    void namesAreTrimmedAndBounded() {
        assertEquals("Acme Coffee", acme.getName());
        assertThrows(RuleViolation.class, () -> acme.rename(" "));
        assertThrows(RuleViolation.class, () -> acme.rename("x".repeat(121)));
        assertEquals("Acme Coffee", acme.getName(), "a refused rename changes nothing");
    }

    @Test
    void zonesMustBeIanaRegions() {
        assertEquals(ZoneId.of("Australia/Lord_Howe"), Tenant.requireZone("Australia/Lord_Howe"));
        assertThrows(RuleViolation.class, () -> Tenant.requireZone("+02:00"));
        assertThrows(RuleViolation.class, () -> Tenant.requireZone("CET"));
        assertThrows(RuleViolation.class, () -> Tenant.requireZone("Europe/Atlantis"));
        assertThrows(RuleViolation.class, () -> Tenant.requireZone(null));
    }

    @Test
    void deletionIsConfirmedOnlyByTheExactName() {
        assertTrue(acme.isConfirmedBy("Acme Coffee"));
        assertTrue(acme.isConfirmedBy(" Acme Coffee "));
        assertFalse(acme.isConfirmedBy("acme coffee"));
        assertFalse(acme.isConfirmedBy("Acme"));
        assertFalse(acme.isConfirmedBy(null));
    }

    @Test
    void deactivationCanBeUndone() {
        acme.deactivate();
        assertFalse(acme.isActive());
        acme.reactivate();
        assertTrue(acme.isActive());
    }

    @Test
    void logosAreRecognisedByContentNotByName() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0};
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0};
        assertEquals("image/png", Logo.fromUpload(png).contentType());
        assertEquals("image/jpeg", Logo.fromUpload(jpeg).contentType());
        RuleViolation fake = assertThrows(RuleViolation.class,
                () -> Logo.fromUpload("<svg onload=alert(1)>".getBytes()));
        assertTrue(fake.getMessage().contains("PNG or JPEG"));
        assertThrows(RuleViolation.class, () -> Logo.fromUpload(new byte[0]));
        byte[] huge = new byte[Tenant.MAX_LOGO_BYTES + 1];
        System.arraycopy(png, 0, huge, 0, png.length);
        assertTrue(assertThrows(RuleViolation.class, () -> Logo.fromUpload(huge)).getMessage().contains("512 KB"));
        acme.changeLogo(Logo.fromUpload(png));
        assertEquals("image/png", acme.getLogo().contentType());
    }
}
