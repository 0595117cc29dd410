package app.herald.kernel.paging;

import app.herald.kernel.RuleViolation;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A list of one entity narrowed by conditions, read one page at a time: the page's rows with LIMIT/OFFSET in one
 * query and the size of the whole list in another, both from the same conditions. Sorting is by the fields the list
 * declares only, so a field name that arrives from a browser never reaches the JPQL unchecked; the entity's id breaks
 * ties so that rows do not move between pages.
 */
public final class PagedQuery<T> {

    private final Class<T> type;
    private final String alias;
    private final String what;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final Map<String, String> sortable = new LinkedHashMap<>();
    private String defaultOrder;

    private PagedQuery(Class<T> type, String alias, String what) {
        this.type = type;
        this.alias = alias;
        this.what = what;
        this.defaultOrder = alias + ".id DESC";
    }

    /**
     * @param what the list's name in messages, such as "Posts"
     */
    public static <T> PagedQuery<T> of(Class<T> type, String alias, String what) {
        return new PagedQuery<>(type, alias, what);
    }

    /** A JPQL condition on the alias, with its named parameters as name/value pairs. */
    public PagedQuery<T> where(String condition, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Parameters come as name/value pairs: " + condition);
        }
        conditions.add("(" + condition + ")");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return this;
    }

    /** Rows whose lower-cased paths contain the text, matched literally (a typed % or _ is not a wildcard). */
    public PagedQuery<T> containing(String text, String... paths) {
        // '!' escapes rather than a backslash, which MySQL's string literals would take for their own escape.
        String pattern = "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
                + "%";
        List<String> any = new ArrayList<>();
        for (String path : paths) {
            any.add("LOWER(" + path + ") LIKE :contains ESCAPE '!'");
        }
        return where(String.join(" OR ", any), "contains", pattern);
    }

    /** A field a person may sort by, and the JPQL path behind it. */
    public PagedQuery<T> sortable(String field, String path) {
        sortable.put(field, path);
        return this;
    }

    /** The order when none is asked for, such as "p.updatedAt DESC"; the id follows it. */
    public PagedQuery<T> orderedBy(String order) {
        this.defaultOrder = order + ", " + alias + ".id DESC";
        return this;
    }

    public long count(EntityManager em) {
        TypedQuery<Long> query = em.createQuery("SELECT COUNT(" + alias + ") " + from(), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    public List<T> rows(EntityManager em, PageRequest request) {
        TypedQuery<T> query = em.createQuery("SELECT " + alias + " " + from() + " ORDER BY " + order(request), type)
                .setFirstResult(request.first()).setMaxResults(request.size());
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /**
     * Every row in the list's own order, for an export. More than {@code max} rows is refused with a message rather
     * than cut, so that a file never looks complete when it is not.
     */
    public List<T> everything(EntityManager em, int max) {
        long total = count(em);
        if (total > max) {
            throw new RuleViolation(what + " holds " + total + " rows for this choice, more than the " + max
                    + " one export may hold; narrow it down and export in parts.");
        }
        TypedQuery<T> query = em.createQuery("SELECT " + alias + " " + from() + " ORDER BY " + defaultOrder, type);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private String from() {
        String from = "FROM " + type.getSimpleName() + " " + alias;
        return conditions.isEmpty() ? from : from + " WHERE " + String.join(" AND ", conditions);
    }

    private String order(PageRequest request) {
        if (request.sortField().isEmpty()) {
            return defaultOrder;
        }
        String field = request.sortField().get();
        String path = sortable.get(field);
        if (path == null) {
            throw new RuleViolation(what + " cannot be sorted by \"" + field + "\"; choose one of " + sortable.keySet() + ".");
        }
        String direction = request.ascending() ? " ASC" : " DESC";
        return path + direction + ", " + alias + ".id" + direction;
    }
}
