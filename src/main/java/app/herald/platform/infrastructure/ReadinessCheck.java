package app.herald.platform.infrastructure;

import app.herald.platform.application.Bootstrap;
import app.herald.tenancy.application.TenantSchemaStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the database answers and the platform and every tenant schema are migrated. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Resource(lookup = "java:app/jdbc/herald")
    DataSource dataSource;
    @Inject
    Bootstrap bootstrap;
    @Inject
    TenantSchemaStatus tenants;

    @Override
    public HealthCheckResponse call() {
        boolean database = databaseAnswers();
        boolean schemas = bootstrap.isPlatformReady() && tenants.allMigrated();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("herald-database")
                .status(database && schemas)
                .withData("database", database ? "answers" : "unreachable")
                .withData("platformSchema", bootstrap.isPlatformReady() ? "migrated" : "pending")
                .withData("tenantSchemas", tenants.sweepDone() + "/" + tenants.sweepTotal())
                .withData("tenantFailures", tenants.failures().size());
        return response.build();
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
