package org.pando.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.pando.recommend.VideoEmbeddings;

/** The text and image embeddings the analysis stored in {@code video_analysis}, for the content index. */
public final class JdbiVideoEmbeddings implements VideoEmbeddings {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_QUERY = 500;

    private final Jdbi jdbi;

    public JdbiVideoEmbeddings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<String, Embeddings> of(Collection<String> videoIds) {
        List<String> ids = List.copyOf(videoIds);
        Map<String, Embeddings> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += PER_QUERY) {
            List<String> some = ids.subList(from, Math.min(ids.size(), from + PER_QUERY));
            jdbi.useHandle(h -> h.createQuery(
                            "select video_id, text_embedding, image_embedding from video_analysis where video_id in (<ids>)")
                    .bindList("ids", some)
                    .map((rs, ctx) -> found.put(rs.getString("video_id"),
                            new Embeddings(vector(rs.getString("text_embedding")), vector(rs.getString("image_embedding")))))
                    .list());
        }
        return found;
    }

    private static float[] vector(String json) {
        if (json == null) {
            return new float[0];
        }
        try {
            return JSON.readValue(json, float[].class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored embedding is not readable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
