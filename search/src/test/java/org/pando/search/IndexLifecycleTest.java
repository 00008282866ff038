package org.pando.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pando.search.Videos.saying;
import static org.pando.search.Videos.video;
import static org.pando.search.Videos.withTags;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The index on disk: kept current as videos change, rebuilt when missing, of another version or out of step, and
 * its thread gone once closed.
 */
class IndexLifecycleTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private VideoSearch search;

    @AfterEach
    void close() {
        if (search != null) {
            search.close();
        }
        assertThat(indexerThreads()).as("indexer threads left running after close").isEmpty();
    }

    private static List<String> indexerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.equals("pando-search-indexer")).toList();
    }

    private VideoSearch started(MemorySource source) {
        search = VideoSearch.open(dir, source, Clock.systemUTC());
        search.start();
        assertThat(search.awaitIdle(WAIT)).as("the indexer is idle within %s", WAIT).isTrue();
        return search;
    }

    private List<String> ids(String query) {
        return search.search(SearchQuery.of(query)).items().stream().map(SearchHit::videoId).toList();
    }

    private void changed(String id) {
        search.changed(id);
        assertThat(search.awaitIdle(WAIT)).as("the change to %s applied within %s", id, WAIT).isTrue();
    }

    @Test
    void aChangeAnotherProcessNotedReachesTheIndexWithoutBeingToldHere() {
        MemorySource source = new MemorySource().with(video("a", "Harbour at noon"));
        started(source);

        source.with(video("b", "Harbour at dusk"));
        source.note("b", "another-process");
        Instant deadline = Instant.now().plus(WAIT);
        while (!ids("harbour").contains("b") && Instant.now().isBefore(deadline)) {
            sleep(100);
        }

        assertThat(ids("harbour")).as("found once another process noted it").containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aChangeThisIndexNotedIsNotReadBackFromTheNotes() {
        MemorySource source = new MemorySource().with(video("a", "Harbour at noon"));
        started(source);

        source.with(video("b", "Harbour at dusk"));
        changed("b");
        int readsWhenApplied = source.reads("b");
        sleep(2500);

        assertThat(source.reads("b")).as("reads of b after its own note was there to be followed")
                .isEqualTo(readsWhenApplied);
        assertThat(ids("harbour")).containsExactlyInAnyOrder("a", "b");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void aMissingIndexIsBuiltFromTheSourceOnStart() {
        started(new MemorySource().with(video("a", "Harbour at noon")));

        assertThat(ids("harbour")).as("found after the first start").containsExactly("a");
    }

    @Test
    void updatesRemovalsAndNewCaptionsAreReflected() {
        MemorySource source = new MemorySource().with(video("a", "Harbour at noon"), video("b", "Harbour at night"));
        started(source);

        source.with(withTags(video("a", "Boats at noon"), "lisbon"));
        changed("a");
        assertThat(ids("harbour")).as("after a's title changed").containsExactly("b");
        assertThat(ids("boats")).as("a's new title").containsExactly("a");
        assertThat(ids("lisbon")).as("a's new tag").containsExactly("a");

        source.remove("b");
        changed("b");
        assertThat(ids("night")).as("after b stopped being searchable").isEmpty();

        source.with(saying(video("a", "Boats at noon"), new TranscriptCue(7.25, 9, "the ferry leaves at noon")));
        changed("a");
        assertThat(search.search(SearchQuery.of("ferry")).items()).as("a word of the new captions").singleElement()
                .satisfies(hit -> assertThat(hit.said()).map(SpokenMoment::start).contains(7.25));
    }

    @Test
    void aVideoThatMayNoLongerBeFoundIsNeverAnsweredEvenBeforeTheIndexKnows() {
        MemorySource source = new MemorySource().with(video("a", "Harbour at noon"), video("b", "Harbour at night"));
        started(source);

        source.remove("b");
        assertThat(ids("harbour")).as("answers right after b stopped being searchable, untold").containsExactly("a");
        assertThat(search.awaitIdle(WAIT)).isTrue();
        search.close();
        // b may be found again: only an index that dropped it can still answer without it.
        source.with(video("b", "Harbour at night"));
        search = VideoSearch.open(dir, source, Clock.systemUTC());
        assertThat(ids("harbour")).as("the index itself healed: b was removed when found stale").containsExactly("a");
    }

    @Test
    void anIndexInStepIsKeptAndOneOutOfStepOrOfAnotherVersionIsRebuilt() throws IOException {
        MemorySource source = new MemorySource().with(video("a", "Harbour at noon"));
        started(source).close();
        assertThat(source.fullReads).as("full reads after the first start").hasValue(1);

        started(source).close();
        assertThat(source.fullReads).as("full reads after a start with the index in step").hasValue(1);

        source.with(video("b", "Harbour at night"));
        started(source).close();
        assertThat(source.fullReads).as("full reads after a video was added while stopped").hasValue(2);
        search = VideoSearch.open(dir, source, Clock.systemUTC());
        assertThat(ids("night")).as("the video added while stopped").containsExactly("b");
        search.close();

        try (FSDirectory directory = FSDirectory.open(dir);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.setLiveCommitData(Map.of("pando.search.schema", "0").entrySet());
            writer.commit();
        }
        started(source);
        assertThat(source.fullReads).as("full reads after the index was found of version 0").hasValue(3);
        assertThat(ids("harbour")).as("both videos after the rebuild").containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void closingWhileTheIndexIsRebuiltLeavesItToBeRebuiltNextTime() {
        MemorySource source = new MemorySource();
        for (int i = 0; i < 3000; i++) {
            source.with(video("v" + i, "Video number " + i));
        }
        search = VideoSearch.open(dir, source, Clock.systemUTC());
        search.start();
        search.close();

        search = VideoSearch.open(dir, source, Clock.systemUTC());
        search.start();
        assertThat(search.awaitIdle(WAIT)).isTrue();
        assertThat(search.search(SearchQuery.of("video").page(0, 1)).nextCursor()).as("more than one video found").isPresent();
        assertThat(ids("2999")).as("the last video, whichever way the first start ended").containsExactly("v2999");
    }
}
