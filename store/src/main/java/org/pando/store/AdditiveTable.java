package org.pando.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * A table of running totals that gains counters by key: rows that exist are raised, the others inserted. Safe
 * with one writer at a time (the statistics aggregator), which the unique key guards.
 *
 * @param <K> what a row is about
 */
final class AdditiveTable<K> {
    private final String table;
    private final List<String> keys;
    private final List<String> counters;
    private final BiConsumer<SqlStatement<?>, K> bindKey;

    /**
     * @param table    the table
     * @param keys     its key columns, bound by {@code bindKey} under their own names
     * @param counters its counter columns, in the order of the values added
     */
    AdditiveTable(String table, List<String> keys, List<String> counters, BiConsumer<SqlStatement<?>, K> bindKey) {
        this.table = table;
        this.keys = List.copyOf(keys);
        this.counters = List.copyOf(counters);
        this.bindKey = bindKey;
    }

    /** Adds each key's values (indexed like the counter columns) to its row. */
    void add(Handle h, Map<K, long[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<K> order = new ArrayList<>(rows.keySet());
        String raise = counters.stream().map(c -> c + " = " + c + " + :" + c).collect(Collectors.joining(", "));
        String match = keys.stream().map(k -> k + " = :" + k).collect(Collectors.joining(" and "));
        PreparedBatch update = h.prepareBatch("update " + table + " set " + raise + " where " + match);
        for (K key : order) {
            bind(update, key, rows.get(key));
            update.add();
        }
        int[] updated = update.execute();
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(counters);
        PreparedBatch insert = h.prepareBatch("insert into " + table + " (" + String.join(", ", columns) + ") values ("
                + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")");
        boolean any = false;
        for (int i = 0; i < order.size(); i++) {
            if (updated[i] == 0) {
                bind(insert, order.get(i), rows.get(order.get(i)));
                insert.add();
                any = true;
            }
        }
        if (any) {
            insert.execute();
        }
    }

    private void bind(PreparedBatch batch, K key, long[] values) {
        bindKey.accept(batch, key);
        for (int i = 0; i < counters.size(); i++) {
            batch.bind(counters.get(i), values[i]);
        }
    }
}
