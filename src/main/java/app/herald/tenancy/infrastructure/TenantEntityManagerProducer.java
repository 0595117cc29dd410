package app.herald.tenancy.infrastructure;

import app.herald.tenancy.application.TenantContext;
import app.herald.tenancy.domain.TenantDb;
import app.herald.tenancy.domain.TenantSchemaProperty;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import jakarta.annotation.PreDestroy;
import jakarta.persistence.Persistence;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.persistence.config.PersistenceUnitProperties;

/**
 * The one place where a tenant is bound to JPA. Services inject {@code @TenantDb EntityManager}: a proxy that, like a
 * container-managed persistence context, resolves on every call to the EntityManager of the current JTA transaction
 * and the current request's tenant. Each (transaction, schema) pair gets its own EntityManager on the shared factory,
 * with the schema as EclipseLink's multitenant property, closed when the transaction ends. Tenant-specific sessions
 * keep their own cache (tenants-share-cache stays false).
 */
@ApplicationScoped
public class TenantEntityManagerProducer {

    @PersistenceUnit(unitName = "herald")
    EntityManagerFactory factory;
    @Inject
    TenantContext context;
    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Map<String, EntityManagerFactory> tenantFactories = new ConcurrentHashMap<>();

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
     * One factory per tenant schema, made on first use from the same persistence unit with the schema fixed: its
     * descriptors are built for that schema once. An EntityManager of the shared factory with the schema as a
     * property had EclipseLink clone and initialise every tenant descriptor (and re-parse every named query) for
     * each transaction: a quarter of the publisher's CPU in the benchmark (docs/performance.md, ADR 0010).
     */
    private EntityManagerFactory factoryOf(String schema) {
        return tenantFactories.computeIfAbsent(schema, s -> {
            Map<String, Object> properties = new HashMap<>(factory.getProperties());
            properties.put(TenantSchemaProperty.NAME, s);
            properties.put(PersistenceUnitProperties.MULTITENANT_SHARED_EMF, "false");
            properties.put(PersistenceUnitProperties.SESSION_NAME, "herald-" + s);
            return Persistence.createEntityManagerFactory("herald", properties);
        });
    }

    /** Closes the factory of a tenant whose schema is gone. */
    public void forget(String schema) {
        EntityManagerFactory gone = tenantFactories.remove(schema);
        if (gone != null && gone.isOpen()) {
            gone.close();
        }
    }

    @PreDestroy
    void closeAll() {
        tenantFactories.values().stream().filter(EntityManagerFactory::isOpen).forEach(EntityManagerFactory::close);
    }

    private EntityManager current() {
        String schema = context.current().schema().value();
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Tenant data is read and written inside a transaction (a service method)");
        }
        String key = "herald.tenant-em." + schema;
        EntityManager em = (EntityManager) transactions.getResource(key);
        if (em == null) {
            EntityManager created = factoryOf(schema).createEntityManager();
            created.joinTransaction();
            transactions.putResource(key, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    created.close();
                }
            });
            em = created;
        }
        return em;
    }
}
