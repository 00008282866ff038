package org.pando.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pando.blobs.BlobInfo;
import org.pando.blobs.BlobStore;
import org.pando.pipeline.LocalCopy;
import org.pando.recommend.engine.Engine;
import org.pando.recommend.engine.TasteFit;

/**
 * With {@code recommend.offline-models}, where a web node's iALS and EASE come from: the snapshots {@code pando train}
 * keeps in the blob store. The newest one is adopted at start and whenever a newer one appears, checked every
 * {@value #CHECK_SECONDS} seconds on a thread of its own; one that cannot be read is reported once and skipped, and the
 * models adopted before stay.
 */
final class TasteSnapshots implements AutoCloseable {
    static final int CHECK_SECONDS = 30;
    private static final System.Logger LOG = System.getLogger(TasteSnapshots.class.getName());

    private final BlobStore blobs;
    private final Path scratch;
    private final Engine engine;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pando-taste-snapshots");
        t.setDaemon(true);
        return t;
    });
    private String unreadable = "";

    TasteSnapshots(BlobStore blobs, Path scratch, Engine engine) {
        this.blobs = blobs;
        this.scratch = scratch;
        this.engine = engine;
    }

    /** Adopts the newest snapshot now, then checks for newer ones until closed. */
    TasteSnapshots start() {
        checker.scheduleWithFixedDelay(this::checkQuietly, 0, CHECK_SECONDS, TimeUnit.SECONDS);
        return this;
    }

    /** Adopts the newest snapshot if the engine has an older fit or none; returns whether it did. */
    boolean check() throws IOException {
        Optional<String> newest = blobs.list(TasteFit.SNAPSHOTS).stream().map(BlobInfo::key)
                .filter(TasteFit::isSnapshotKey).max(Comparator.naturalOrder());
        if (newest.isEmpty() || newest.get().equals(unreadable)
                || engine.tasteVersion().orElse(Long.MIN_VALUE) >= TasteFit.versionOf(newest.get())) {
            return false;
        }
        String key = newest.get();
        try (LocalCopy copy = LocalCopy.of(blobs, key, scratch.resolve("taste.snapshot"));
                InputStream in = Files.newInputStream(copy.file().orElseThrow(() -> new IOException(key + " is gone")))) {
            TasteFit fit = TasteFit.load(in);
            engine.adopt(fit);
            LOG.log(System.Logger.Level.INFO, "Adopted the taste models trained offline in " + key + ": "
                    + fit.videos().size() + " videos, EASE over " + fit.head().size());
            return true;
        } catch (IOException e) {
            unreadable = key;
            throw new IOException("The taste models snapshot " + key + " could not be read; keeping the models before", e);
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Checking for taste models trained offline failed", e);
        }
    }

    @Override
    public void close() {
        checker.shutdownNow();
        try {
            checker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
