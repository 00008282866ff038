package org.pando.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadServiceTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    /** Upload descriptions in a map: the repository's contract without a database. */
    private static final class MappedUploads implements UploadRepository {
        final Map<String, Upload> uploads = new HashMap<>();

        @Override
        public void insert(Upload upload) {
            uploads.put(upload.id(), upload);
        }

        @Override
        public Optional<Upload> find(String id) {
            return Optional.ofNullable(uploads.get(id));
        }

        @Override
        public void finish(String id, String videoId) {
            Upload u = uploads.get(id);
            uploads.put(id, new Upload(u.id(), u.accountId(), u.length(), u.metadata(), u.createdAt(), u.expiresAt(), Optional.of(videoId)));
        }

        @Override
        public void delete(String id) {
            uploads.remove(id);
        }

        @Override
        public List<Upload> expired(Instant now) {
            return uploads.values().stream().filter(u -> u.videoId().isEmpty() && u.expiresAt().isBefore(now)).toList();
        }
    }

    private final MappedUploads repository = new MappedUploads();
    private final List<byte[]> received = new ArrayList<>();
    private UploadDestination destination;
    private UploadService uploads;

    @BeforeEach
    void create() {
        destination = new UploadDestination() {
            @Override
            public void check(String accountId, UploadMetadata metadata) {
            }

            @Override
            public String receive(Upload upload, Path file) {
                try {
                    received.add(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return "video-" + received.size();
            }
        };
        uploads = new UploadService(repository, destination, new UploadConfig(dir, 1000, Duration.ofHours(1)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<String, String> named(String filename) {
        return Map.of("filename", filename, "title", "t");
    }

    @Test
    void appendsInPiecesAndHandsTheWholeFileOn() {
        byte[] bytes = new byte[300];
        Arrays.fill(bytes, (byte) 7);
        Upload upload = uploads.create("ana", 300, named("a.mp4"));

        assertThat(uploads.append("ana", upload.id(), 0, new ByteArrayInputStream(bytes, 0, 100))).isEqualTo(100);
        assertThat(uploads.offset("ana", upload.id())).isEqualTo(100);
        assertThat(uploads.append("ana", upload.id(), 100, new ByteArrayInputStream(bytes, 100, 200))).isEqualTo(300);

        assertThat(received).singleElement().satisfies(file -> assertThat(file).isEqualTo(bytes));
        assertThat(uploads.videoOf("ana", upload.id())).contains("video-1");
    }

    @Test
    void keepsWhatArrivedBeforeTheConnectionBroke() {
        Upload upload = uploads.create("ana", 500, named("a.mp4"));
        InputStream breaking = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent == 120) {
                    throw new IOException("connection reset");
                }
                sent++;
                return 1;
            }
        };

        assertThatThrownBy(() -> uploads.append("ana", upload.id(), 0, breaking)).isInstanceOf(UploadInterrupted.class);
        assertThat(uploads.offset("ana", upload.id())).as("bytes kept to resume from").isEqualTo(120);
    }

    @Test
    void refusesABodyLongerThanTheUploadWhole() {
        Upload upload = uploads.create("ana", 100, named("a.mp4"));
        uploads.append("ana", upload.id(), 0, new ByteArrayInputStream(new byte[40]));

        assertThatThrownBy(() -> uploads.append("ana", upload.id(), 40, new ByteArrayInputStream(new byte[80])))
                .isInstanceOfSatisfying(UploadRejected.class, e -> assertThat(e.code()).isEqualTo("upload-over-length"));
        assertThat(uploads.offset("ana", upload.id())).as("the refused request left nothing behind").isEqualTo(40);
        assertThat(received).as("not handed on").isEmpty();
    }

    private record Refusal(String name, long length, String filename, String code) {
    }

    @Test
    void refusesBadNamesEmptyAndOversizedFilesAtCreation() {
        List<Refusal> cases = List.of(
                new Refusal("parent path", 10, "../a.mp4", "upload-bad-filename"),
                new Refusal("slash", 10, "dir/a.mp4", "upload-bad-filename"),
                new Refusal("control", 10, "a\u0000.mp4", "upload-bad-filename"),
                new Refusal("no name", 10, "", "upload-bad-filename"),
                new Refusal("empty", 0, "a.mp4", "upload-empty"),
                new Refusal("too large", 1001, "a.mp4", "upload-too-large"));
        for (Refusal r : cases) {
            assertThatThrownBy(() -> uploads.create("ana", r.length(), named(r.filename()))).as(r.name())
                    .isInstanceOfSatisfying(UploadRejected.class, e -> assertThat(e.code()).as(r.name()).isEqualTo(r.code()));
        }
        assertThat(repository.uploads).as("nothing created").isEmpty();
    }

    @Test
    void hidesOtherAccountsUploadsAndStaleOffsets() {
        Upload upload = uploads.create("ana", 100, named("a.mp4"));

        assertThatThrownBy(() -> uploads.offset("bo", upload.id())).isInstanceOf(UploadNotFound.class);
        assertThatThrownBy(() -> uploads.append("ana", upload.id(), 5, new ByteArrayInputStream(new byte[5])))
                .isInstanceOfSatisfying(UploadRejected.class, e -> assertThat(e.code()).isEqualTo("upload-offset-mismatch"));
    }

    @Test
    void discardsExpiredUnfinishedUploads() {
        Upload upload = uploads.create("ana", 100, named("a.mp4"));
        UploadService later = new UploadService(repository, destination, new UploadConfig(dir, 1000, Duration.ofHours(1)),
                Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC));

        assertThat(later.purgeExpired()).isEqualTo(1);
        assertThat(dir.resolve(upload.id() + ".part")).doesNotExist();
    }

    @Test
    void usesTheFileNameAsTitleWhenNoneIsGiven() {
        assertThat(UploadMetadata.from(Map.of("filename", "Market at dawn.mov")).title()).isEqualTo("Market at dawn");
    }
}
