package org.pando.store;

import java.sql.SQLException;
import java.util.function.IntSupplier;

/** Unique-key violations (SQLSTATE 23505 on both H2 and PostgreSQL). */
final class UniqueViolation {
    private UniqueViolation() {
    }

    /** Runs an insert guarded by a key; returns false instead of failing when the row already exists. */
    static boolean insertedOnce(IntSupplier insert) {
        try {
            return insert.getAsInt() > 0;
        } catch (RuntimeException e) {
            if (in(e)) {
                return false;
            }
            throw e;
        }
    }

    static boolean in(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
