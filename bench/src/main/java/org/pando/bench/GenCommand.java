package org.pando.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pando.account.AccountService;
import org.pando.account.AuthConfig;
import org.pando.account.PasswordHasher;
import org.pando.eval.ProgressBar;
import org.pando.events.SegmentEventLog;
import org.pando.search.VideoSearch;
import org.pando.store.BulkLoad;
import org.pando.store.Database;
import org.pando.store.DatabaseConfig;
import org.pando.store.JdbiAccountRepository;
import org.pando.store.JdbiSearchSource;

/**
 * {@code pando bench gen}: writes a {@link SyntheticInstance} into an empty data directory that {@code pando serve}
 * then runs on, with API tokens for the first viewers in {@value #TOKENS} (one {@code userId token} per line) so a
 * load generator can ask for their feeds.
 */
final class GenCommand {
    static final String TOKENS = "synthetic-tokens.txt";
    private static final int TOKEN_USERS = 1000;

    private GenCommand() {
    }

    static int run(Path dataDir, SyntheticInstance.Shape shape, PrintStream out) {
        if (Files.exists(dataDir.resolve("db")) || Files.exists(dataDir.resolve("events"))) {
            throw new IllegalStateException("The data directory " + dataDir + " holds an instance already; name an empty one");
        }
        SyntheticInstance instance = new SyntheticInstance(shape, Instant.now());
        out.printf(Locale.ROOT, "Writing %,d videos, %,d viewers, %,d creators and %,d events into %s%n", shape.videos(),
                shape.users(), shape.creators(), shape.events(), dataDir);
        long start = System.nanoTime();
        ProgressBar progress = new ProgressBar("gen", out);
        try (Database database = Database.open(DatabaseConfig.embedded(dataDir))) {
            PasswordHasher hasher = new PasswordHasher(AuthConfig.defaults().argon2MemoryKib(), AuthConfig.defaults().argon2Iterations());
            instance.writeCatalog(new BulkLoad(database.jdbi()), hasher, progress);
            AccountService accounts = new AccountService(new JdbiAccountRepository(database.jdbi()), hasher, AuthConfig.defaults(),
                    Clock.systemUTC());
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < Math.min(TOKEN_USERS, shape.users()); i++) {
                tokens.add(SyntheticInstance.userId(i) + " " + accounts.createApiToken(SyntheticInstance.userId(i), "load").secret());
            }
            Files.write(dataDir.resolve(TOKENS), tokens);
            progress.report("search index", 0);
            try (VideoSearch search = VideoSearch.open(dataDir.resolve("search"), new JdbiSearchSource(database.jdbi()),
                    Clock.systemUTC())) {
                search.rebuild();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (SegmentEventLog log = SegmentEventLog.open(dataDir.resolve("events"))) {
            instance.writeHistory(log, progress);
        }
        progress.done();
        out.printf(Locale.ROOT, "Done in %.0f s. Start it with: ./pando serve --data-dir %s%n", (System.nanoTime() - start) / 1e9,
                dataDir);
        return 0;
    }
}
