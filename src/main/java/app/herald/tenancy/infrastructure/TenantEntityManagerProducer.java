package app.herald.tenancy.infrastructure;

import app.herald.kernel.TransactionEnd;
import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/**
 * The one place where a tenant is bound to JPA. Services inject {@code @TenantDb EntityManager}: a proxy that, like a
 * container-managed persistence context, resolves on every call to the EntityManager of the current JTA transaction
 * and the current request's tenant, made on that tenant's own factory and closed when the transaction ends.
 */
@ApplicationScoped
public class TenantEntityManagerProducer {

    @PersistenceUnit(unitName = "herald")
    EntityManagerFactory factory;
    @Inject
    TenantContext context;
    @Resource
    TransactionSynchronizationRegistry transactions;
    @Inject
    @ConfigProperty(name = "herald.tenancy.factory-idle-minutes", defaultValue = "15")
    long idleMinutes;
    @Inject
    @ConfigProperty(name = "herald.tenancy.max-factories", defaultValue = "300")
    int maxFactories;

    private TenantFactories tenantFactories;

    @PostConstruct
    void start() {
        DataSource transactional = containerDataSource();
        tenantFactories = new TenantFactories(schema -> newFactory(schema, transactional),
                Duration.ofMinutes(idleMinutes), maxFactories, System::nanoTime);
    }

    @Produces
    @TenantDb
    @Dependent
    EntityManager tenantEntityManager() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                : "TenantEntityManager";
                    }
                    try {
                        return method.invoke(current(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * The data source the container gave its own factory for the platform schema. Payara hands a container-managed
     * unit a data source whose connections always enlist in the current JTA transaction; the same name looked up
     * through JNDI by an application-made factory does not when EclipseLink takes a connection to flush at commit:
     * those writes then committed on their own, outside the transaction (ADR 0015).
     */
    private DataSource containerDataSource() {
        Object connector = ((DatasourceLogin) factory.unwrap(Session.class).getDatasourceLogin()).getConnector();
        if (connector instanceof JNDIConnector jndi && jndi.getDataSource() != null) {
            return jndi.getDataSource();
        }
        throw new IllegalStateException("The container's persistence unit has no data source object to share with "
                + "the tenant factories (" + connector + ")");
    }

    /**
     * One factory per tenant schema, made from the same persistence unit with the schema fixed, so that its
     * descriptors and named queries are prepared once per tenant rather than per transaction (ADR 0010).
     */
    private EntityManagerFactory newFactory(String schema, DataSource transactional) {
        Map<String, Object> properties = new HashMap<>(factory.getProperties());
        properties.put(TenantSchemaProperty.NAME, schema);
        properties.put(PersistenceUnitProperties.MULTITENANT_SHARED_EMF, "false");
        properties.put(PersistenceUnitProperties.SESSION_NAME, "herald-" + schema);
        properties.put(PersistenceUnitProperties.JTA_DATASOURCE, transactional);
        return Persistence.createEntityManagerFactory("herald", properties);
    }

    /** Closes the factory of a tenant whose schema is gone. */
    public void forget(String schema) {
        tenantFactories.forget(schema);
    }

    @PreDestroy
    void closeAll() {
        tenantFactories.closeAll();
    }

    private EntityManager current() {
        String schema = context.current().schema().value();
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Tenant data is read and written inside a transaction (a service method)");
        }
        String key = "herald.tenant-em." + schema;
        EntityManager em = (EntityManager) transactions.getResource(key);
        if (em == null) {
            EntityManager created = tenantFactories.open(schema);
            try {
                created.joinTransaction();
                transactions.putResource(key, created);
                TransactionEnd.then(transactions, status -> {
                    try {
                        created.close();
                    } finally {
                        tenantFactories.release(schema);
                    }
                });
            } catch (RuntimeException e) {
                created.close();
                tenantFactories.release(schema);
                throw e;
            }
            em = created;
        }
        return em;
    }
}
