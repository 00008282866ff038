package org.pando.app;

import java.time.Clock;
import java.util.function.Consumer;
import org.pando.blobs.BlobStore;
import org.pando.catalog.ChannelService;
import org.pando.catalog.TagService;
import org.pando.catalog.VideoService;
import org.pando.domain.RandomIds;
import org.pando.pipeline.MediaLayout;
import org.pando.store.Database;
import org.pando.store.JdbiChannelRepository;
import org.pando.store.JdbiSearchSource;
import org.pando.store.JdbiTagRepository;
import org.pando.store.JdbiVideoRepository;

/**
 * {@code pando worker}: a process that only takes media jobs (transcoding, analysis and screening) from the queue of a
 * database it shares with the web nodes, and keeps what it makes in the shared blob store. Transcoding then scales
 * out with the number of workers, and the web nodes can run with {@code jobs.workers: 0}. The web nodes' feeds
 * pick up what a worker publishes at their next catalogue refresh, and their search indexes from the changes the
 * worker notes in the database.
 */
public final class Worker implements AutoCloseable {
    private final Components components;

    private Worker(Components components) {
        this.components = components;
    }

    /**
     * Opens the database and the blob store and starts taking jobs.
     *
     * @throws ConfigurationError when the database is the embedded one, which only its own process may open
     */
    public static Worker start(PandoConfig config) {
        if (config.database().embedded()) {
            throw new ConfigurationError("pando worker takes its jobs from a database it shares with pando serve: set database.url"
                    + " (PostgreSQL) for both, and blobs.s3.endpoint unless they share the data directory.");
        }
        Components components = new Components();
        try {
            Clock clock = Clock.systemUTC();
            Database database = components.started(Database.open(config.database()));
            var jdbi = database.jdbi();
            ChannelService channels = new ChannelService(new JdbiChannelRepository(jdbi), renamed -> { }, clock);
            VideoService videos = new VideoService(new JdbiVideoRepository(jdbi), channels, clock);
            // what the web nodes' search reads of a video changed: who may see it, its tags and captions
            JdbiSearchSource searchNotes = new JdbiSearchSource(jdbi);
            String noter = "worker-" + RandomIds.id();
            Consumer<String> videoChanged = videoId -> searchNotes.note(videoId, noter);
            TagService tags = new TagService(new JdbiTagRepository(jdbi), videos, videoChanged);
            BlobStore blobs = BlobStores.open(config.blobs(), clock, components);
            MediaLayout layout = new MediaLayout(blobs, config.dataDir().resolve("work")).create();
            MediaWork.build(config, database, videos, tags, layout, videoChanged, clock, components).start(components);
            return new Worker(components);
        } catch (RuntimeException e) {
            components.close();
            throw e;
        }
    }

    @Override
    public void close() {
        components.close();
    }
}
