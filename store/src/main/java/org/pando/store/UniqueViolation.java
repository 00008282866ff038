package org.pando.store;

import java.sql.SQLException;

/** Recognises a unique-key violation (SQLSTATE 23505 on both H2 and PostgreSQL) in an exception's causes. */
final class UniqueViolation {
    private UniqueViolation() {
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
