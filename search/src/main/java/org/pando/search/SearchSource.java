package org.pando.search;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where the index reads videos from; implemented by the store module. Every method applies the same one rule
 * of which videos may be found, so that the index and the answers never disagree with it.
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
}
