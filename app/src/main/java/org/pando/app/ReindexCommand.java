package org.pando.app;

import java.io.PrintStream;
import java.time.Clock;
import org.pando.search.VideoSearch;
import org.pando.store.Database;
import org.pando.store.JdbiSearchSource;

/**
 * {@code pando reindex}: rebuilds the search index from the database, with Pando stopped. A running Pando rebuilds
 * it by itself when it starts and finds the index missing, of another version or out of step with the database.
 */
final class ReindexCommand {
    private ReindexCommand() {
    }

    static int run(PandoConfig config, PrintStream out) {
        try (Database database = Database.open(config.database());
                VideoSearch search = VideoSearch.open(config.searchIndex(), new JdbiSearchSource(database.jdbi()), Clock.systemUTC())) {
            int videos = search.rebuild();
            out.println("The search index in " + config.searchIndex() + " now holds " + videos + " videos.");
        }
        return 0;
    }
}
