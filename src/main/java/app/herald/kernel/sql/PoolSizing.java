package app.herald.kernel.sql;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sizes the connection pool from configuration (db.pool.min, db.pool.max) as the node starts. Payara reads a
 * {@code @DataSourceDefinition}'s pool sizes only from the annotation's numbers (fixed at compile time) or web.xml's
 * (which take no placeholders); its {@code fish.payara.*} properties cover the wait time but not the sizes (seen in
 * 6.2025.10's DataSourceDefinitionDeployer). So the pool Payara made from the definition is resized here, through
 * the connector runtime's own pool API (the one its self-tuning uses). A server where that API is not found fails
 * to start with a message rather than running with a pool nobody chose.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PoolSizing {

    private static final Logger LOG = Logger.getLogger(PoolSizing.class.getName());
    static final String NAME = "java:app/jdbc/herald";

    @Resource(lookup = NAME)
    DataSource dataSource;
    @Inject
    @ConfigProperty(name = "db.pool.min", defaultValue = "2")
    int min;
    @Inject
    @ConfigProperty(name = "db.pool.max", defaultValue = "32")
    int max;

    @PostConstruct
    void size() {
        if (min < 0 || max < 1 || min > max) {
            throw new IllegalStateException("db.pool.min (" + min + ") and db.pool.max (" + max + ") must satisfy "
                    + "0 <= min <= max and max >= 1");
        }
        try (Connection first = dataSource.getConnection()) {
            // The pool exists from the first connection on.
            first.isValid(1);
        } catch (SQLException e) {
            throw new IllegalStateException("The database does not answer: " + e.getMessage(), e);
        }
        try {
            Object pool = pool();
            Class<?> type = pool.getClass();
            method(type, "setSteadyPoolSize").invoke(pool, min);
            method(type, "setMaxPoolSize").invoke(pool, max);
            // setMaxPoolSize changes the pool's own limit but not its data structure's, which stays at the
            // annotation's 32 (seen in 6.2025.10's ConnectionPool): under a burst of requests the pool then grew past
            // db.pool.max. Both limits are set.
            Object resources = field(type, "ds").get(pool);
            method(resources.getClass(), "setMaxSize").invoke(resources, max);
            int applied = (Integer) method(type, "getMaxPoolSize").invoke(pool);
            LOG.info(() -> "Connection pool: at most " + applied + " connections, at least " + min + " kept open");
        } catch (ReflectiveOperationException | NamingException e) {
            throw new IllegalStateException("Could not size the connection pool from db.pool.max: " + e, e);
        }
    }

    private Object pool() throws ReflectiveOperationException, NamingException {
        String app = (String) new InitialContext().lookup("java:app/AppName");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> util = loader.loadClass("com.sun.appserv.connectors.internal.api.ConnectorsUtil");
        Class<?> resourceType = loader.loadClass("org.glassfish.deployment.common.JavaEEResourceType");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object dsdPool = Enum.valueOf((Class) resourceType, "DSDPOOL");
        String poolName = (String) util.getMethod("deriveResourceName", String.class, String.class, resourceType)
                .invoke(null, app, NAME, dsdPool);
        Class<?> poolInfoType = loader.loadClass("org.glassfish.resourcebase.resources.api.PoolInfo");
        Class<?> managerType = loader.loadClass("com.sun.enterprise.resource.pool.PoolManager");
        Object manager = loader.loadClass("org.glassfish.internal.api.Globals").getMethod("get", Class.class)
                .invoke(null, managerType);
        Method getPool = managerType.getMethod("getPool", poolInfoType);
        for (Object info : new Object[] {
                poolInfoType.getConstructor(String.class, String.class).newInstance(poolName, app),
                poolInfoType.getConstructor(String.class).newInstance(poolName)}) {
            Object pool = getPool.invoke(manager, info);
            if (pool != null) {
                return pool;
            }
        }
        throw new IllegalStateException("No connection pool " + poolName + " of application " + app);
    }

    private static java.lang.reflect.Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    f.setAccessible(true);
                    return f;
                }
            }
        }
        throw new NoSuchFieldException(type.getName() + "." + name);
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name)) {
                    m.setAccessible(true);
                    return m;
                }
            }
        }
        for (Class<?> i : type.getInterfaces()) {
            for (Method m : i.getMethods()) {
                if (m.getName().equals(name)) {
                    return m;
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + "." + name);
    }
}
