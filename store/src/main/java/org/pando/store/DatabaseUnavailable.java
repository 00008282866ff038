package org.pando.store;

import java.sql.SQLException;

/** The database cannot be opened: another process holds the embedded one, or the server does not answer. */
public final class DatabaseUnavailable extends RuntimeException {
    private static final int H2_DATABASE_IN_USE = 90020;

    DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** Says what went wrong opening the database of {@code config}, in words an operator can act on. */
    static DatabaseUnavailable of(DatabaseConfig config, RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return new DatabaseUnavailable("The embedded database " + config.url().replaceFirst(";.*", "")
                        + " is in use by another Pando process; stop it first, or use another --data-dir.", failure);
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return new DatabaseUnavailable("Cannot open the database " + config.url().replaceFirst(";.*", "") + ": "
                + root.getMessage(), failure);
    }
}
