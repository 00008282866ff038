package org.pando.catalog;

import java.util.List;

/** Where videos' tags are kept. Implemented by the store module. */
public interface TagRepository {
    /** The video's tags in the order the creator gave them. */
    List<String> tags(String videoId);

    /** Replaces the video's tags. */
    void replace(String videoId, List<String> tags);

    /** The instance's tags, most used first, at most {@code limit}. */
    List<String> vocabulary(int limit);
}
