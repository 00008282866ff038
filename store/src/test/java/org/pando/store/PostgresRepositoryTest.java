package org.pando.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** The repository contract on a real PostgreSQL server, started for this test. */
class PostgresRepositoryTest extends RepositoryContract {
    private static EmbeddedPostgres postgres;
    private static Database database;

    @BeforeAll
    static void open() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        database = Database.open(new DatabaseConfig(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4));
    }

    @AfterAll
    static void close() throws IOException {
        database.close();
        postgres.close();
    }

    @Override
    Database database() {
        return database;
    }

    /** Moderation's tables on the same database. */
    @Nested
    class Moderation extends ModerationContract {
        @Override
        Database database() {
            return database;
        }
    }
}
