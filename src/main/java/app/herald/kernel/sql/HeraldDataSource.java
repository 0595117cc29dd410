package app.herald.kernel.sql;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one data source of Herald. Payara resolves the MPCONFIG placeholders from MicroProfile Config, so the embedded
 * H2 default in microprofile-config.properties is replaced by MySQL through environment variables (DB_URL, ...)
 * without rebuilding (see docs/adr/0003). The pool's sizes are set from db.pool.min and db.pool.max by
 * {@link PoolSizing} as the node starts (the annotation takes only compile-time numbers for them); the wait for a
 * free connection comes from db.pool.max-wait-millis through Payara's pool property. A node never holds more than
 * db.pool.max connections, however many tenants it serves.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/herald",
        className = "${MPCONFIG=db.class-name}",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = 32,
        maxIdleTime = 300,
        properties = "fish.payara.max-wait-time-in-millis=${MPCONFIG=db.pool.max-wait-millis}")
@Singleton
public class HeraldDataSource {
}
