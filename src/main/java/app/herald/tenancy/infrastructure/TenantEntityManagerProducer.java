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
import java.util.Map;

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

    private EntityManager current() {
        String schema = context.current().schema().value();
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Tenant data is read and written inside a transaction (a service method)");
        }
        String key = "herald.tenant-em." + schema;
        EntityManager em = (EntityManager) transactions.getResource(key);
        if (em == null) {
            EntityManager created = factory.createEntityManager(Map.of(TenantSchemaProperty.NAME, schema));
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
