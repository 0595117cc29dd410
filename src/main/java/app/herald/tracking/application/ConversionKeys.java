package app.herald.tracking.application;

import app.herald.identity.domain.Actor;
import app.herald.kernel.AccessDenied;
import app.herald.kernel.sql.Jdbc;
import app.herald.publishing.infrastructure.CredentialVault;
import app.herald.tenancy.application.TenantAuditLog;
import app.herald.tenancy.application.TenantContext;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The secret a client's server signs its conversions with: one per tenant, sealed at rest with the same key ring as
 * channel credentials (bound to the tenant, under the pseudo-channel {@link #SEAL_SLOT}). Staff see it to set up the
 * client's site and may replace it; the old secret stops working at once.
 */
@Stateless
public class ConversionKeys {

    /** Channel ids are positive: this slot can never be a real channel's. */
    static final long SEAL_SLOT = -1;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @Inject
    TenantContext context;
    @Inject
    CredentialVault vault;
    @Inject
    TenantAuditLog audit;

    /** The current tenant's secret, if one was made. */
    public Optional<String> secret() {
        return Jdbc.first(dataSource, "SELECT sealed_secret FROM " + context.table("conversion_key") + " WHERE id = 1",
                row -> row.getString(1)).map(sealed -> vault.open(context.current().id(), SEAL_SLOT, sealed)
                .get("secret"));
    }

    /** Makes a new secret (the first, or a replacement) and answers it. */
    public String renew(Actor actor) {
        if (!actor.writesContent()) {
            throw new AccessDenied("Only the agency's owners, managers and editors manage conversion tracking.");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "hcs_" + HexFormat.of().formatHex(random);
        String sealed = vault.seal(context.current().id(), SEAL_SLOT, Map.of("secret", secret));
        long now = System.currentTimeMillis();
        Jdbc.update(dataSource, "INSERT INTO " + context.table("conversion_key") + " (id, sealed_secret, created_at) "
                + "VALUES (1, ?, ?) ON DUPLICATE KEY UPDATE sealed_secret = ?, created_at = ?", sealed, now, sealed, now);
        audit.record(actor.email(), "CONVERSION_SECRET_RENEWED", "conversion tracking", "A new signing secret.");
        return secret;
    }
}
