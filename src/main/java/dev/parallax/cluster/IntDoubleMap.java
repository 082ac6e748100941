package dev.parallax.cluster;

import java.util.Arrays;

/** A small open-addressing map from int keys to double values, without boxing: centroid sums. */
final class IntDoubleMap {
    private static final int EMPTY = -1;

    private int[] keys;
    private double[] values;
    private int size;

    IntDoubleMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2) - 1) << 1;
        keys = new int[capacity];
        values = new double[capacity];
        Arrays.fill(keys, EMPTY);
    }

    double get(int key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == EMPTY) {
                return 0;
            }
        }
    }

    /** Adds delta to the key's value and returns the old value. */
    double add(int key, double delta) {
        if ((size + 1) * 4 >= keys.length * 3) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                double old = values[i];
                values[i] = old + delta;
                return old;
            }
            if (k == EMPTY) {
                keys[i] = key;
                values[i] = delta;
                size++;
                return 0;
            }
        }
    }

    interface Entry {
        void accept(int key, double value);
    }

    void forEach(Entry action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(keys[i], values[i]);
            }
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        int[] oldKeys = keys;
        double[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new double[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                add(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
