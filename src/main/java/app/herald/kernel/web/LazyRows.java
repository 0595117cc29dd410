package app.herald.kernel.web;

import app.herald.kernel.AccessDenied;
import app.herald.kernel.RuleViolation;
import app.herald.kernel.paging.PageRequest;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIData;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The one bridge from a PrimeFaces lazy table to a service that reads a page: the table asks for the count and for
 * one page, and each becomes one service call. The screen keeps its own search fields and hands them to the
 * service; the table's sort column arrives as a {@link PageRequest}. A refused page (a sort field the list does not
 * offer, say from a crafted request) shows the rule's message and an empty page, never an error page.
 */
public final class LazyRows<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** The size of the whole list as the screen narrows it now. */
    public interface Count extends Serializable {
        long get();
    }

    /** One page of that list. */
    public interface Rows<T> extends Serializable {
        List<T> get(PageRequest request);
    }

    /** A row's identity, for the table's row keys. */
    public interface Key<T> extends Serializable {
        Object of(T row);
    }

    private final Count count;
    private final Rows<T> rows;
    private final Key<T> key;
    private String refusal;

    public LazyRows(Count count, Rows<T> rows, Key<T> key) {
        this.count = count;
        this.rows = rows;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return refusedAs(0, () -> Math.toIntExact(count.get()));
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return refusedAs(List.of(), () -> rows.get(request(first, pageSize, sortBy)));
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(key.of(row));
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> shown = getWrappedData();
        return shown == null ? null : shown.stream().filter(row -> getRowKey(row).equals(rowKey)).findFirst().orElse(null);
    }

    /** Why the last page was refused, for the table's empty message; null when it was not. */
    public String getRefusal() {
        return refusal;
    }

    /** Back to the first page (of a table or a grid), for when the screen's search changes what the list holds. */
    public static void firstPage(String tableClientId) {
        UIComponent list = FacesContext.getCurrentInstance().getViewRoot().findComponent(tableClientId);
        if (list instanceof UIData data) {
            data.setFirst(0);
        }
    }

    private static PageRequest request(int first, int pageSize, Map<String, SortMeta> sortBy) {
        SortMeta sort = sortBy == null ? null : sortBy.values().stream()
                .filter(meta -> meta.getOrder() != SortOrder.UNSORTED).findFirst().orElse(null);
        return sort == null ? new PageRequest(first, pageSize, java.util.Optional.empty(), true)
                : PageRequest.sorted(first, pageSize, sort.getField(), sort.getOrder() == SortOrder.ASCENDING);
    }

    private <R> R refusedAs(R nothing, java.util.function.Supplier<R> read) {
        try {
            R result = read.get();
            refusal = null;
            return result;
        } catch (RuleViolation e) {
            refusal = e.getMessage();
        } catch (AccessDenied e) {
            refusal = "You are not allowed to see this list.";
        }
        Feedback.error(refusal);
        return nothing;
    }
}
