package org.pando.blobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskBlobStoreTest extends BlobStoreContract {
    @TempDir
    Path root;

    @Override
    BlobStore store() {
        return new DiskBlobStore(root);
    }

    @Test
    void filesWrittenWhereTheStoreSaysAreKeptInPlace() throws IOException {
        DiskBlobStore store = new DiskBlobStore(root);
        Path ladder = store.writable("media/v1", work.resolve("unused"));
        Files.createDirectories(ladder);
        Files.writeString(ladder.resolve("master.m3u8"), "#EXTM3U\n");

        store.putTree("media/v1", ladder);

        assertThat(ladder).as("the store's own folder").isEqualTo(root.resolve("media/v1"));
        assertThat(store.readable("media/v1/master.m3u8", work.resolve("x")))
                .as("read in place, not copied").contains(root.resolve("media/v1/master.m3u8"));
        assertThat(work.resolve("unused")).doesNotExist();
        assertThat(store.directUrl("media/v1/master.m3u8", Duration.ofMinutes(5))).as("a folder has no addresses of its own")
                .isEmpty();
    }
}
