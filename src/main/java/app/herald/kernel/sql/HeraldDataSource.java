package app.herald.kernel.sql;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one data source of Herald. Payara resolves the MPCONFIG placeholders from MicroProfile Config, so the embedded
 * H2 default in microprofile-config.properties is replaced by MySQL through environment variables (DB_URL, ...)
 * without rebuilding. glassfish-resources.xml could not read defaults from the WAR (see docs/adr/0003).
 */
@DataSourceDefinition(
        name = "java:app/jdbc/herald",
        className = "${MPCONFIG=db.class-name}",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = 32)
@Singleton
public class HeraldDataSource {
}
