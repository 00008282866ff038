package org.pando.recommend;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Finds videos whose content is close to other videos, by what their creators wrote and, once media
 * understanding has run, by what they say and show; and videos that are near-duplicates of each other.
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

    /** Videos that show the same pictures as this one (re-uploads, re-encodings), never the video itself. */
    Set<String> nearDuplicates(String videoId);

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
