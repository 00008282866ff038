package org.pando.blobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.domain.InvalidInput;

/** What every {@link BlobStore} does, whatever keeps the bytes. */
abstract class BlobStoreContract {
    @TempDir
    Path work;

    /** The store under test, empty. */
    abstract BlobStore store();

    @Test
    void aFileGivenIsReadBackWholeAsAFileAndAsBytes() throws IOException {
        BlobStore store = store();
        store.put("originals/v1", file("original", "the whole original"));

        assertThat(store.exists("originals/v1")).as("kept").isTrue();
        Path copy = store.readable("originals/v1", work.resolve("fetched")).orElseThrow();
        assertThat(Files.readString(copy)).isEqualTo("the whole original");
        assertThat(text(store.read("originals/v1", ByteRange.ALL).orElseThrow())).isEqualTo("the whole original");
    }

    @Test
    void rangesAreCutAsHttpAsksForThem() {
        BlobStore store = store();
        store.put("media/v1/seg.m4s", file("seg", "0123456789"));

        try (BlobSlice slice = store.read("media/v1/seg.m4s", ByteRange.of(Optional.of("bytes=2-5"))).orElseThrow()) {
            assertThat(slice.first()).isEqualTo(2);
            assertThat(slice.length()).isEqualTo(4);
            assertThat(slice.total()).isEqualTo(10);
            assertThat(slice.partial()).isTrue();
            assertThat(text(slice)).isEqualTo("2345");
        }
        assertThat(text(store.read("media/v1/seg.m4s", ByteRange.of(Optional.of("bytes=7-"))).orElseThrow())).isEqualTo("789");
        assertThat(text(store.read("media/v1/seg.m4s", ByteRange.of(Optional.of("bytes=-3"))).orElseThrow())).isEqualTo("789");
        assertThat(text(store.read("media/v1/seg.m4s", ByteRange.of(Optional.of("bytes=8-100"))).orElseThrow()))
                .as("a range past the end is cut at the end").isEqualTo("89");
        assertThatThrownBy(() -> store.read("media/v1/seg.m4s", ByteRange.of(Optional.of("bytes=10-"))))
                .isInstanceOfSatisfying(RangeNotSatisfiable.class, e -> assertThat(e.total()).isEqualTo(10));
    }

    @Test
    void aTreeIsKeptUnderItsPrefixAndListedWithoutItsNeighbours() throws IOException {
        BlobStore store = store();
        Path ladder = store.writable("media/v1", work.resolve("ladder"));
        Files.createDirectories(ladder.resolve("720p"));
        Files.writeString(ladder.resolve("master.m3u8"), "#EXTM3U\n");
        Files.writeString(ladder.resolve("720p").resolve("index.m3u8"), "#EXTM3U\n#EXT-X-ENDLIST\n");
        store.putTree("media/v1", ladder);
        store.put("media/v10/master.m3u8", file("other", "#EXTM3U\n"));

        assertThat(store.list("media/v1")).extracting(BlobInfo::key)
                .as("the keys below media/v1/, in order, and not media/v10's")
                .containsExactly("media/v1/720p/index.m3u8", "media/v1/master.m3u8");
        assertThat(store.bytesUnder("media/v1")).isEqualTo(8 + 23);
        assertThat(store.bytesUnder("media")).isEqualTo(8 + 23 + 8);

        store.deleteTree("media/v1");
        assertThat(store.list("media/v1")).as("gone").isEmpty();
        assertThat(store.exists("media/v10/master.m3u8")).as("the neighbour stays").isTrue();
    }

    @Test
    void aFileGivenAgainReplacesTheOldOne() {
        BlobStore store = store();
        store.put("pictures/channels/c1/avatar.jpg", file("a", "first"));
        store.put("pictures/channels/c1/avatar.jpg", file("b", "second"));

        assertThat(text(store.read("pictures/channels/c1/avatar.jpg", ByteRange.ALL).orElseThrow())).isEqualTo("second");
        store.delete("pictures/channels/c1/avatar.jpg");
        assertThat(store.exists("pictures/channels/c1/avatar.jpg")).isFalse();
        store.delete("pictures/channels/c1/avatar.jpg");
    }

    @Test
    void aMissingKeyIsNothingRatherThanAnError() {
        BlobStore store = store();

        assertThat(store.read("media/none/master.m3u8", ByteRange.ALL)).isEmpty();
        assertThat(store.readable("originals/none", work.resolve("none"))).isEmpty();
        assertThat(store.exists("originals/none")).isFalse();
        assertThat(store.list("media/none")).isEmpty();
    }

    @Test
    void keysWithSpacesAndLettersOfAnyScriptRoundTrip() {
        BlobStore store = store();
        store.put("media/v1/pages/première page 1.jpg", file("p", "picture"));

        assertThat(store.list("media/v1")).extracting(BlobInfo::key).containsExactly("media/v1/pages/première page 1.jpg");
        assertThat(text(store.read("media/v1/pages/première page 1.jpg", ByteRange.ALL).orElseThrow())).isEqualTo("picture");
    }

    @Test
    void aKeyThatWouldLeaveItsFolderIsRefused() {
        BlobStore store = store();

        for (String key : new String[] {"../etc/passwd", "media/../../x", "/abs", "media//x", "media/./x", "media/"}) {
            assertThatThrownBy(() -> store.read(key, ByteRange.ALL)).as(key).isInstanceOf(InvalidInput.class);
        }
    }

    private Path file(String name, String content) {
        try {
            return Files.writeString(work.resolve(name), content);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(BlobSlice slice) {
        try (slice) {
            return new String(slice.body().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
