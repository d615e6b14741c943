package io.github.aigov.governance.rules.internal.load;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A map from objects, by identity, to values, that does not keep its keys alive: an entry goes
 * once its key is collected. Lock-free for readers and writers ({@link ConcurrentHashMap}).
 * Identity, not equality: two equal records read from two places are two keys.
 */
public final class WeakIdentityMap<K, V> {
    private final ConcurrentHashMap<Key<K>, V> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<K> collected = new ReferenceQueue<>();

    public void put(K key, V value) {
        expunge();
        map.put(new Key<>(key, collected), value);
    }

    public V get(K key) {
        return map.get(new Key<>(key, null));
    }

    boolean containsKey(K key) {
        return get(key) != null;
    }

    private void expunge() {
        for (Reference<? extends K> r; (r = collected.poll()) != null; ) {
            map.remove(r);
        }
    }

    /** A weak reference compared by its referent's identity; once cleared, equal only to itself. */
    private static final class Key<K> extends WeakReference<K> {
        private final int hash;

        Key(K referent, ReferenceQueue<K> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            if (o == this) {
                return true;
            }
            if (!(o instanceof Key<?> other)) {
                return false;
            }
            Object referent = get();
            return referent != null && referent == other.get();
        }
    }
}
