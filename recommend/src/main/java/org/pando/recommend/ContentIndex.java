package org.pando.recommend;

import java.util.Collection;
import java.util.List;
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

    /** The videos most like one video, best first. */
    default List<String> like(String videoId, int limit) {
        return similar(Map.of(videoId, 1.0), limit).entrySet().stream()
                .sorted(Map.Entry.<String, Match>comparingByValue((a, b) -> Double.compare(b.score(), a.score())))
                .map(Map.Entry::getKey).toList();
    }

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
