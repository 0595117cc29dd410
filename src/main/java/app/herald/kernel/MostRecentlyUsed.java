package app.herald.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A map that keeps at most {@code most} entries, letting go of the one used longest ago when a new one comes: for
 * what is costly to compute again but must not grow with the number of clients a node has ever served.
 */
public final class MostRecentlyUsed<K, V> {

    private final Map<K, V> entries;

    public MostRecentlyUsed(int most) {
        if (most < 1) {
            throw new IllegalArgumentException("A bounded map keeps at least one entry, not " + most);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > most;
            }
        };
    }

    public synchronized Optional<V> get(K key) {
        return Optional.ofNullable(entries.get(key));
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized void remove(K key) {
        entries.remove(key);
    }

    public synchronized void clear() {
        entries.clear();
    }

    public synchronized int size() {
        return entries.size();
    }
}
