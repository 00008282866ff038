package org.pando.store;

import org.jdbi.v3.core.Handle;

/**
 * The counts a row keeps of the rows that point at it (a video's likes and comments, a channel's followers; migration
 * V18), changed in the transaction that adds or removes those rows, so that reads never count them.
 */
final class KeptCounts {
    private KeptCounts() {
    }

    /** Adds {@code change} (negative to take away) to {@code table.column} of the row with that id. */
    static void add(Handle h, String table, String column, String id, int change) {
        if (change != 0) {
            h.createUpdate("update " + table + " set " + column + " = " + column + " + :change where id = :id")
                    .bind("change", change).bind("id", id).execute();
        }
    }
}
