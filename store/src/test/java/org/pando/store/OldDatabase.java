package org.pando.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;

/**
 * An embedded database migrated only up to an older version, filled the way that version was, then upgraded to
 * the newest: how the migrations' treatment of existing rows is tested. The database stays open between
 * connections until closed, so that a setting such as switched-off referential integrity lasts through the
 * upgrade.
 *
 * <pre>{@code
 * try (OldDatabase old = OldDatabase.at(dir, "4")) {
 *     old.jdbi().useHandle(h -> h.execute("insert into ..."));
 *     old.upgrade();
 * }
 * }</pre>
 */
final class OldDatabase implements AutoCloseable {
    private final String url;
    private final Jdbi jdbi;

    private OldDatabase(String url) {
        this.url = url;
        this.jdbi = Jdbi.create(url, "sa", "");
    }

    /** A database in {@code dir} with the migrations up to {@code version} applied. */
    static OldDatabase at(Path dir, String version) {
        OldDatabase old = new OldDatabase("jdbc:h2:" + dir.resolve("old")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        old.flyway().target(version).load().migrate();
        return old;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Applies every later migration. */
    void upgrade() {
        flyway().load().migrate();
    }

    private FluentConfiguration flyway() {
        return Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration");
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("shutdown");
        }
    }
}
