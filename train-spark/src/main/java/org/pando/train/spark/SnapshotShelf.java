package org.pando.train.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pando.blobs.BlobInfo;
import org.pando.blobs.BlobStore;
import org.pando.recommend.engine.TasteFit;

/**
 * Where trained fits are kept for the web nodes: in the blob store they share, each under its
 * {@link TasteFit#snapshotKey}; the nodes adopt the newest. Older snapshots beyond the newest {@code keep} are removed.
 */
final class SnapshotShelf {
    private final BlobStore blobs;
    private final Path scratch;
    private final int keep;

    SnapshotShelf(BlobStore blobs, Path scratch, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("Keep at least the newest snapshot, not " + keep);
        }
        this.blobs = blobs;
        this.scratch = scratch;
        this.keep = keep;
    }

    /** Keeps the fit as the newest snapshot and returns its key. */
    String put(TasteFit fit) {
        String key = TasteFit.snapshotKey(fit.version());
        try {
            Path file = Files.createDirectories(scratch).resolve("taste-" + fit.version() + ".snapshot");
            try {
                try (OutputStream out = Files.newOutputStream(file)) {
                    fit.save(out);
                }
                blobs.put(key, file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the snapshot " + key, e);
        }
        prune();
        return key;
    }

    /** The snapshots kept, oldest first. */
    List<String> kept() {
        return blobs.list(TasteFit.SNAPSHOTS).stream().map(BlobInfo::key).filter(TasteFit::isSnapshotKey).sorted().toList();
    }

    private void prune() {
        List<String> kept = kept();
        kept.subList(0, Math.max(0, kept.size() - keep)).forEach(blobs::delete);
    }
}
