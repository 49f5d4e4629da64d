package org.gamebackend.engine.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A tick worker's matches, earliest next tick first: a binary heap whose keys (each match's next tick time, taken when
 * it is added) sit in one {@code long[]}. A {@code PriorityQueue} with a comparator read the time from each match
 * object at every step of every sift — thousands of matches per worker, a cache miss per step — and was a tenth of a
 * busy worker's time. Not thread-safe: the worker guards it.
 */
final class DueQueue<T> {

    private Object[] items = new Object[64];
    private long[] keys = new long[64];
    private int size;

    /** Adds {@code item} due at {@code key} (nanoTime). */
    void add(T item, long key) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
            keys = Arrays.copyOf(keys, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (keys[parent] <= key) {
                break;
            }
            items[i] = items[parent];
            keys[i] = keys[parent];
            i = parent;
        }
        items[i] = item;
        keys[i] = key;
    }

    /** The earliest item's tick time; only when not empty. */
    long firstDue() {
        return keys[0];
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    /** Removes and returns the earliest item, or null when empty. */
    @SuppressWarnings("unchecked")
    @Nullable
    T poll() {
        if (size == 0) {
            return null;
        }
        T first = (T) items[0];
        int last = --size;
        Object moved = items[last];
        long key = keys[last];
        items[last] = null;
        if (last > 0) {
            int i = 0;
            int half = last >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < last && keys[right] < keys[child]) {
                    child = right;
                }
                if (key <= keys[child]) {
                    break;
                }
                items[i] = items[child];
                keys[i] = keys[child];
                i = child;
            }
            items[i] = moved;
            keys[i] = key;
        }
        return first;
    }

    /** Removes every item (in no particular order). */
    @SuppressWarnings("unchecked")
    List<T> drain() {
        List<T> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add((T) items[i]);
            items[i] = null;
        }
        size = 0;
        return out;
    }
}
