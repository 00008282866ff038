package org.pando.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract against s3proxy on loopback, which checks every request's Signature Version 4. */
class S3BlobStoreTest extends BlobStoreContract {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    @TempDir
    static Path objects;
    private static S3Proxy proxy;
    private S3BlobStore store;

    @BeforeAll
    static void startProxy() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(objects.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, "pando", "pando-secret")
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
    }

    @AfterAll
    static void stopProxy() throws Exception {
        proxy.stop();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Override
    BlobStore store() {
        store = S3BlobStore.open(config("bucket-" + BUCKETS.incrementAndGet(), "pando-secret"), Clock.systemUTC());
        return store;
    }

    @Test
    void theBucketIsMadeAtTheFirstOpenAndFoundAtTheNext() {
        S3Config config = config("shared-" + BUCKETS.incrementAndGet(), "pando-secret");
        try (S3BlobStore first = S3BlobStore.open(config, Clock.systemUTC())) {
            first.put("originals/v1", write("kept"));
        }
        try (S3BlobStore again = S3BlobStore.open(config, Clock.systemUTC())) {
            assertThat(again.exists("originals/v1")).as("what the first kept").isTrue();
        }
    }

    @Test
    void aWrongSecretIsSaidPlainly() {
        assertThatThrownBy(() -> S3BlobStore.open(config("bucket-" + BUCKETS.incrementAndGet(), "wrong"), Clock.systemUTC()))
                .isInstanceOf(BlobStoreUnavailable.class)
                .hasMessageContaining("would not open the bucket")
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void anUnreachableStoreIsSaidPlainly() {
        S3Config nowhere = new S3Config(URI.create("http://127.0.0.1:1"), "b", "us-east-1", "pando", "pando-secret");
        assertThatThrownBy(() -> S3BlobStore.open(nowhere, Clock.systemUTC()))
                .isInstanceOf(BlobStoreUnavailable.class)
                .hasMessageContaining("cannot be reached");
    }

    @Test
    void aFileGivenIsGoneFromItsFolderOnceKept() {
        Path file = write("segment");
        store().put("media/v1/seg.m4s", file);
        assertThat(file).as("the local copy is let go").doesNotExist();
    }

    private Path write(String content) {
        try {
            return Files.writeString(Files.createTempFile(work, "blob", ".bin"), content);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static S3Config config(String bucket, String secret) {
        return new S3Config(URI.create("http://127.0.0.1:" + proxy.getPort()), bucket, "us-east-1", "pando", secret);
    }
}
