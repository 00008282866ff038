package org.pando.recommend;

import java.util.Collection;
import java.util.Map;

/**
 * Finds videos whose content is close to other videos. The first index reads titles and descriptions; the
 * media-understanding step adds embeddings behind the same interface.
 */
public interface ContentIndex extends AutoCloseable {
    /** Makes the index hold exactly these videos (adds new ones, updates changed ones, drops the rest). */
    void sync(Collection<Candidate> videos);

    /**
     * Videos like the given ones, with their similarity and the seed each is most like. Seeds themselves are
     * never returned.
     *
     * @param seeds   videos the viewer valued, with a weight each
     * @param limit   most videos returned
     */
    Map<String, Match> similar(Map<String, Double> seeds, int limit);

    @Override
    void close();

    /**
     * How close a video is to the seeds.
     *
     * @param score   similarity, larger is closer
     * @param because the seed it is closest to
     */
    record Match(double score, String because) {
    }
}
