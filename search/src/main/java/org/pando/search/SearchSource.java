package org.pando.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the index reads videos from; implemented by the store module. Every method applies the same one rule
 * of which videos may be found, so that the index and the answers never disagree with it. Changes are also noted in
 * the source, so that processes sharing it each keep their own index in step.
 */
public interface SearchSource {
    /** The video as the index reads it, when it may be found; empty when it may not (or does not exist). */
    Optional<SearchableVideo> searchable(String videoId);

    /** Every video that may be found, in no particular order, read in batches. */
    void forEachSearchable(Consumer<SearchableVideo> each);

    /** Those of the given videos that may be found now. */
    Set<String> stillSearchable(Collection<String> videoIds);

    /** The videos of the channel with that handle that may be found. */
    List<String> searchableOfChannel(String handle);

    /** How many videos may be found. */
    long countSearchable();

    /**
     * Notes that a video's searchable fields or whether it may be found changed, for every process that shares the
     * source (other web nodes, whose indexes follow the notes); {@code noter} names the process that noted it.
     */
    void note(String videoId, String noter);

    /** The position of the newest note, 0 when there is none: where an index that is in step starts following. */
    long lastNoted();

    /**
     * Up to {@code max} notes after {@code position} made before {@code notedBefore} by others than {@code noter}, oldest
     * first. Reading only notes a little older than now keeps a note whose transaction commits after a later one's from
     * being skipped.
     */
    List<NotedChange> notedAfter(long position, Instant notedBefore, String noter, int max);

    /** Forgets the notes made before {@code instant}; an index that far behind is rebuilt anyway. */
    void forgetNotedBefore(Instant instant);
}
