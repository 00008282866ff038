package org.pando.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.pando.recommend.VideoEmbeddings;

/** The text and image embeddings the analysis stored in {@code video_analysis}, for the content index. */
public final class JdbiVideoEmbeddings implements VideoEmbeddings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    public JdbiVideoEmbeddings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<Embeddings> of(String videoId) {
        return jdbi.withHandle(h -> h.createQuery("select text_embedding, image_embedding from video_analysis where video_id = :video")
                .bind("video", videoId)
                .map((rs, ctx) -> new Embeddings(vector(rs.getString("text_embedding")), vector(rs.getString("image_embedding"))))
                .findOne());
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
