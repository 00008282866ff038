package org.pando.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.pando.understanding.AnalysisStore;
import org.pando.understanding.Cue;
import org.pando.understanding.FileAnalysis;
import org.pando.understanding.FrameFindings;
import org.pando.understanding.PictureFindings;
import org.pando.understanding.ImageEmbedding;
import org.pando.understanding.SlidePage;
import org.pando.understanding.Step;
import org.pando.understanding.SuggestedTag;
import org.pando.understanding.StepState;
import org.pando.understanding.Topics;
import org.pando.understanding.Transcript;
import org.pando.understanding.VideoAnalysis;
import org.pando.understanding.VideoText;
import org.pando.understanding.VisualFindings;
import org.pando.understanding.Word;

/**
 * Analyses in {@code video_analysis} (words, cues, pages, notes, frame findings, suggested tags and the two
 * embeddings as JSON text; the visual summary and the written language also in columns) and {@code analysis_steps}.
 */
public final class JdbiAnalysisStore implements AnalysisStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR = 1000;

    private final Jdbi jdbi;

    public JdbiAnalysisStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void step(String videoId, Step step, StepState state) {
        jdbi.useTransaction(h -> {
            String error = state.error().map(e -> e.length() > MAX_ERROR ? e.substring(0, MAX_ERROR) : e).orElse(null);
            int updated = h.createUpdate("""
                            update analysis_steps set status = :status, progress = :progress, error = :error, updated_at = :now
                            where video_id = :video and step = :step""")
                    .bind("video", videoId).bind("step", wire(step)).bind("status", state.status().wireName())
                    .bind("progress", state.progress()).bind("error", error).bind("now", System.currentTimeMillis()).execute();
            if (updated == 0) {
                h.createUpdate("""
                                insert into analysis_steps (video_id, step, status, progress, error, updated_at)
                                values (:video, :step, :status, :progress, :error, :now)""")
                        .bind("video", videoId).bind("step", wire(step)).bind("status", state.status().wireName())
                        .bind("progress", state.progress()).bind("error", error).bind("now", System.currentTimeMillis()).execute();
            }
        });
    }

    @Override
    public void save(String videoId, FileAnalysis found) {
        jdbi.useTransaction(h -> {
            Optional<String> corrected = h.createQuery(
                            "select captions from video_analysis where video_id = :video and captions_edited = true")
                    .bind("video", videoId).mapTo(String.class).findOne();
            boolean edited = corrected.isPresent();
            String captions = corrected.orElseGet(() -> json(found.captions()));
            h.createUpdate("delete from video_analysis where video_id = :video").bind("video", videoId).execute();
            Optional<VisualFindings> seen = found.visual();
            h.createUpdate("""
                            insert into video_analysis (video_id, language, loudness_lufs, normalised_lufs, words, captions,
                                                        captions_edited, pages, notes, nsfw_max, nsfw_max_at, faces_found,
                                                        frames, image_embedding, written_language, text_embedding,
                                                        suggested_tags, poster, updated_at)
                            values (:video, :language, :loudness, :normalised, :words, :captions, :edited, :pages, :notes,
                                    :nsfwMax, :nsfwMaxAt, :faces, :frames, :embedding, :written, :textEmbedding,
                                    :suggestedTags, :poster, :now)""")
                    .bind("video", videoId).bind("language", found.language().orElse(null))
                    .bind("loudness", finite(found.loudnessLufs())).bind("normalised", finite(found.normalisedLufs()))
                    .bind("words", json(found.transcript().words())).bind("captions", captions).bind("edited", edited)
                    .bind("pages", json(found.pages())).bind("notes", json(found.notes()))
                    .bind("nsfwMax", seen.map(VisualFindings::nsfwMax).orElse(null))
                    .bind("nsfwMaxAt", seen.map(v -> Rows.nullable(v.nsfwMaxAt())).orElse(null))
                    .bind("faces", seen.map(VisualFindings::facesFound).orElse(null))
                    .bind("frames", seen.map(v -> json(v.frames())).orElse(null))
                    .bind("embedding", seen.map(v -> json(v.embedding().values())).orElse(null))
                    .bind("written", found.topics().writtenLanguage().orElse(null))
                    .bind("textEmbedding", found.topics().embedding().length == 0 ? null : json(found.topics().embedding()))
                    .bind("suggestedTags", json(found.topics().suggestedTags()))
                    .bind("poster", seen.flatMap(VisualFindings::poster).map(JdbiAnalysisStore::json).orElse(null))
                    .bind("now", System.currentTimeMillis()).execute();
        });
    }

    @Override
    public Optional<VideoAnalysis> find(String videoId) {
        return jdbi.withHandle(h -> {
            Map<Step, StepState> steps = steps(h, videoId);
            Optional<VideoAnalysis> found = h.createQuery("select * from video_analysis where video_id = :video")
                    .bind("video", videoId).map((rs, ctx) -> analysis(rs, steps)).findOne();
            if (found.isPresent() || steps.isEmpty()) {
                return found;
            }
            return Optional.of(new VideoAnalysis(videoId, steps, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    new Transcript("und", List.of()), List.of(), false, List.of(), Topics.NONE, Optional.empty(), List.of()));
        });
    }

    @Override
    public VideoText videoText(String videoId) {
        return jdbi.withHandle(h -> {
            List<String> tags = h.createQuery("select tag from video_tags where video_id = :video")
                    .bind("video", videoId).mapTo(String.class).list();
            return h.createQuery("select title, description from videos where id = :video").bind("video", videoId)
                    .map((rs, ctx) -> new VideoText(rs.getString("title"), rs.getString("description"), Set.copyOf(tags)))
                    .findOne().orElse(VideoText.NONE);
        });
    }

    @Override
    public void editCaptions(String videoId, List<Cue> cues) {
        jdbi.useHandle(h -> {
            int updated = h.createUpdate("""
                            update video_analysis set captions = :captions, captions_edited = true, updated_at = :now
                            where video_id = :video""")
                    .bind("video", videoId).bind("captions", json(cues)).bind("now", System.currentTimeMillis()).execute();
            if (updated == 0) {
                h.createUpdate("""
                                insert into video_analysis (video_id, words, captions, captions_edited, pages, notes, updated_at)
                                values (:video, '[]', :captions, true, '[]', '[]', :now)""")
                        .bind("video", videoId).bind("captions", json(cues)).bind("now", System.currentTimeMillis()).execute();
            }
        });
    }

    private static Map<Step, StepState> steps(Handle h, String videoId) {
        Map<Step, StepState> steps = new EnumMap<>(Step.class);
        h.createQuery("select step, status, progress, error from analysis_steps where video_id = :video").bind("video", videoId)
                .map((rs, ctx) -> {
                    Step step = Step.valueOf(rs.getString("step").toUpperCase(Locale.ROOT));
                    StepState.Status status = StepState.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT));
                    steps.put(step, new StepState(status, rs.getDouble("progress"), Optional.ofNullable(rs.getString("error"))));
                    return step;
                }).list();
        return steps;
    }

    private static VideoAnalysis analysis(ResultSet rs, Map<Step, StepState> steps) throws SQLException {
        String language = rs.getString("language");
        List<Word> words = read(rs.getString("words"), new TypeReference<>() { });
        return new VideoAnalysis(rs.getString("video_id"), steps, Optional.ofNullable(language),
                Rows.optionalDouble(rs, "loudness_lufs"), Rows.optionalDouble(rs, "normalised_lufs"),
                new Transcript(language == null ? "und" : language, words),
                read(rs.getString("captions"), new TypeReference<List<Cue>>() { }), rs.getBoolean("captions_edited"),
                read(rs.getString("pages"), new TypeReference<List<SlidePage>>() { }), topics(rs), visual(rs),
                read(rs.getString("notes"), new TypeReference<List<String>>() { }));
    }

    /** What the words are about; empty for analyses made before that step existed. */
    private static Topics topics(ResultSet rs) throws SQLException {
        String embedding = rs.getString("text_embedding");
        String suggested = rs.getString("suggested_tags");
        return new Topics(Optional.ofNullable(rs.getString("written_language")),
                embedding == null ? new float[0] : read(embedding, new TypeReference<float[]>() { }),
                suggested == null ? List.of() : read(suggested, new TypeReference<List<SuggestedTag>>() { }));
    }

    /**
     * The frames' and the poster's findings and the embedding, when the visual step has run (the poster only for
     * analyses made since it is looked at); the summary columns follow from them.
     */
    private static Optional<VisualFindings> visual(ResultSet rs) throws SQLException {
        String frames = rs.getString("frames");
        String embedding = rs.getString("image_embedding");
        if (frames == null || embedding == null) {
            return Optional.empty();
        }
        String poster = rs.getString("poster");
        return Optional.of(new VisualFindings(read(frames, new TypeReference<List<FrameFindings>>() { }),
                Optional.ofNullable(poster).map(p -> read(p, new TypeReference<PictureFindings>() { })),
                new ImageEmbedding(read(embedding, new TypeReference<float[]>() { }))));
    }

    private static Double finite(OptionalDouble value) {
        return value.isPresent() && Double.isFinite(value.getAsDouble()) ? value.getAsDouble() : null;
    }

    private static String wire(Step step) {
        return step.name().toLowerCase(Locale.ROOT);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored analysis is not readable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
