package org.pando.store;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.pando.account.Account;
import org.pando.catalog.Channel;
import org.pando.catalog.Video;

/**
 * Writes many accounts, channels and videos at once, in batches, with the same statements as one at a time; for
 * filling a synthetic instance, where checking each name for a clash would only slow it down.
 *
 * <pre>{@code
 * BulkLoad load = new BulkLoad(database.jdbi());
 * load.accounts(accounts, hasher.hash("a password"));
 * load.channels(channels);
 * load.videos(videos);
 * }</pre>
 */
public final class BulkLoad {
    private final Jdbi jdbi;

    public BulkLoad(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Accounts that all sign in with the password whose hash is given. */
    public void accounts(List<Account> accounts, String passwordHash) {
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(JdbiRegistrationStore.INSERT_ACCOUNT);
            accounts.forEach(a -> JdbiRegistrationStore.bound(batch, a, passwordHash).add());
            execute(batch);
        });
    }

    /** Channels of accounts that exist. */
    public void channels(List<Channel> channels) {
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(JdbiChannelRepository.INSERT);
            channels.forEach(c -> JdbiChannelRepository.bound(batch, c).add());
            execute(batch);
        });
    }

    /** Videos of channels that exist. */
    public void videos(List<Video> videos) {
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(JdbiVideoRepository.INSERT);
            videos.forEach(v -> JdbiVideoRepository.bound(batch, v).add());
            execute(batch);
        });
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }
}
