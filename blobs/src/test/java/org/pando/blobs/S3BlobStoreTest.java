package org.pando.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
        S3Config nowhere = new S3Config(URI.create("http://127.0.0.1:1"), "b", "us-east-1", "pando", "pando-secret", false);
        assertThatThrownBy(() -> S3BlobStore.open(nowhere, Clock.systemUTC()))
                .isInstanceOf(BlobStoreUnavailable.class)
                .hasMessageContaining("cannot be reached");
    }

    @Test
    void aPresignedAddressFetchesTheObjectWithoutCredentialsUntilItExpires() throws Exception {
        S3Config presigning = new S3Config(URI.create("http://127.0.0.1:" + proxy.getPort()), "bucket-" + BUCKETS.incrementAndGet(),
                "us-east-1", "pando", "pando-secret", true);
        Instant now = Instant.now();
        try (S3BlobStore fresh = S3BlobStore.open(presigning, Clock.fixed(now, ZoneOffset.UTC));
                S3BlobStore stale = S3BlobStore.open(presigning, Clock.fixed(now.minusSeconds(120), ZoneOffset.UTC));
                HttpClient http = HttpClient.newHttpClient()) {
            fresh.put("media/v1/seg 1.m4s", write("segment bytes"));

            URI valid = fresh.directUrl("media/v1/seg 1.m4s", Duration.ofMinutes(5)).orElseThrow();
            HttpResponse<String> got = http.send(HttpRequest.newBuilder(valid).header("Range", "bytes=8-12").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(got.statusCode()).as("a range through the presigned address: %s", got.body()).isEqualTo(206);
            assertThat(got.body()).isEqualTo("bytes");

            URI expired = stale.directUrl("media/v1/seg 1.m4s", Duration.ofMinutes(1)).orElseThrow();
            assertThat(http.send(HttpRequest.newBuilder(expired).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .as("an address that expired a minute ago").isEqualTo(403);
        }
        assertThat(store().directUrl("media/v1/seg 1.m4s", Duration.ofMinutes(5))).as("a store that does not presign").isEmpty();
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
        return new S3Config(URI.create("http://127.0.0.1:" + proxy.getPort()), bucket, "us-east-1", "pando", secret, false);
    }
}
