package org.pando.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Values read once, kept for a while, read again after they were kept too long or forgotten. */
class RecentReadsTest {
    private static final Duration KEEP = Duration.ofSeconds(5);

    private final List<Collection<String>> reads = new ArrayList<>();
    private final Map<String, String> stored = new HashMap<>(Map.of("a", "a1", "b", "b1"));
    private final AtomicLong nanos = new AtomicLong();
    /** Runs inside a read, after the stored values were read: a change made while a read is under way. */
    private Consumer<String> duringRead = id -> { };

    private final RecentReads<String> recent = new RecentReads<>(this::read, KEEP, 100, nanos::get);

    private Map<String, String> read(Collection<String> ids) {
        reads.add(List.copyOf(ids));
        Map<String, String> found = new HashMap<>();
        ids.stream().filter(stored::containsKey).forEach(id -> found.put(id, stored.get(id)));
        ids.forEach(duringRead);
        return found;
    }

    @Test
    void readsEachValueOnceWhileKeptAndAgainAfter() {
        assertThat(recent.find(Set.of("a", "missing"))).as("found at first").containsOnlyKeys("a");
        assertThat(reads).as("reads after the first ask").hasSize(1);

        nanos.addAndGet(KEEP.toNanos() - 1);
        assertThat(recent.find(Set.of("a", "b"))).as("found in the second ask").containsOnlyKeys("a", "b");
        assertThat(reads.get(1)).as("the second read asks only for what was not kept").containsExactly("b");

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        recent.find(Set.of("a"));
        assertThat(reads).as("reads once 'a' was kept too long").hasSize(3);
        assertThat(reads.get(2)).as("the third read").containsExactly("a");
    }

    @Test
    void aFullCacheDropsWhatWasKeptTooLongAndKeepsWhatIsStillInTime() {
        RecentReads<String> small = new RecentReads<>(this::read, KEEP, 2, nanos::get);
        small.find(Set.of("a"));
        nanos.addAndGet(KEEP.toNanos());
        small.find(Set.of("b"));
        stored.put("c", "c1");
        small.find(Set.of("c"));
        reads.clear();

        small.find(Set.of("b", "c"));

        assertThat(reads).as("reads of 'b' and 'c', kept in time while 'a', kept too long, made room").isEmpty();
    }

    @Test
    void aForgottenValueIsReadAgainAtOnce() {
        recent.find(Set.of("a"));
        stored.put("a", "a2");
        recent.forget("a");

        assertThat(recent.find(Set.of("a"))).as("after the change was forgotten").containsEntry("a", "a2");
        assertThat(reads).as("reads").hasSize(2);
    }

    @Test
    void forgettingAllReadsEveryValueAgain() {
        recent.find(Set.of("a", "b"));
        stored.put("b", "b2");
        recent.forgetAll();

        assertThat(recent.find(Set.of("a", "b"))).as("after all was forgotten").containsEntry("b", "b2");
        assertThat(reads.get(1)).as("the second read").containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aValueThatChangedDuringItsReadIsNotKept() {
        duringRead = id -> {
            stored.put(id, "a2");
            recent.forget(id);
        };
        assertThat(recent.find(Set.of("a"))).as("what the racing read saw").containsEntry("a", "a1");

        duringRead = id -> { };
        assertThat(recent.find(Set.of("a"))).as("the next ask, which must not use the racing read's copy")
                .containsEntry("a", "a2");
    }
}
