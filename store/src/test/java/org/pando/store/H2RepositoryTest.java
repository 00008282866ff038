package org.pando.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The repository contract on the embedded H2 file database. */
class H2RepositoryTest extends RepositoryContract {
    @TempDir
    static Path dir;

    private static Database database;

    @BeforeAll
    static void open() {
        database = Database.open(DatabaseConfig.embedded(dir));
    }

    @AfterAll
    static void close() {
        database.close();
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
