package org.pando.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The connection pool and its migrated schema; a lifecycle component.
 *
 * <pre>{@code
 * try (Database db = Database.open(DatabaseConfig.embedded(dataDir))) {
 *     AccountRepository accounts = new JdbiAccountRepository(db.jdbi());
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean embedded;

    private Database(HikariDataSource dataSource, boolean embedded) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.embedded = embedded;
    }

    /**
     * Opens the pool and brings the schema up to date.
     *
     * @throws DatabaseUnavailable when the embedded database is held by another process or the server does
     *                             not answer
     */
    public static Database open(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setPoolName("pando");
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw DatabaseUnavailable.of(config, e);
        }
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, config.embedded());
    }

    /** The JDBI handle factory the repositories use. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Whether the database answers. */
    public boolean healthy() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (embedded) {
            // A clean SHUTDOWN compacts the H2 file and releases its lock before the pool goes.
            try {
                jdbi.useHandle(handle -> handle.execute("SHUTDOWN"));
            } catch (RuntimeException ignored) {
                // already closed
            }
        }
        dataSource.close();
    }
}
