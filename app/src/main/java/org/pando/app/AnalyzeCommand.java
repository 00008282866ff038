package org.pando.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.pando.domain.FileTrees;
import org.pando.eval.ProgressBar;
import org.pando.understanding.FileAnalysis;
import org.pando.understanding.FileAnalyzer;
import org.pando.understanding.SuggestedTag;
import org.pando.understanding.VideoText;
import org.pando.understanding.VisualFindings;

/**
 * {@code pando analyze FILE [--json OUT]}: analyses one media file (a video, an audio clip or a still image)
 * without a server and prints (or writes) what was found: loudness, transcript, captions, Video Slide pages,
 * suggested tags and the language of the title and description when given, and what the pictures show (faces,
 * people, NSFW score), in frames sampled once a second and in the poster when one is given. Each step's
 * progress bar ends with the time it took.
 */
final class AnalyzeCommand {
    /** Share of a frame showing people from which the summary counts it as a frame with people. */
    private static final double PEOPLE = 0.01;

    private AnalyzeCommand() {
    }

    /**
     * What to analyse.
     *
     * @param file   the media file
     * @param text   its title and description, when given
     * @param poster an image shown as its poster, looked at besides the frames
     */
    record Input(Path file, VideoText text, Optional<Path> poster) {
    }

    static int run(PandoConfig config, Input input, Optional<Path> json, PrintStream out) {
        Path file = input.file();
        for (Path given : Stream.concat(Stream.of(file), input.poster().stream()).toList()) {
            if (!Files.isRegularFile(given)) {
                throw new ConfigurationError("No such file: " + given);
            }
        }
        Path work = createWorkDir();
        try (FileAnalyzer analyzer = new FileAnalyzer(config.media(), config.understanding())) {
            ProgressBar bar = new ProgressBar("analyze", out);
            FileAnalysis found = analyzer.analyze(file, input.text(), input.poster(), work,
                    (step, fraction) -> bar.report(step.label(), fraction));
            bar.done();
            Map<String, Object> report = report(found);
            out.printf(Locale.ROOT, "%s: %.1f s, language %s, loudness %s LUFS → %s LUFS, %d words, %d captions, %d pages%n",
                    file.getFileName(), found.durationS(), found.language().orElse("unknown"), lufs(found.loudnessLufs()),
                    lufs(found.normalisedLufs()), found.transcript().words().size(), found.captions().size(),
                    found.pages().size());
            if (!found.topics().suggestedTags().isEmpty()) {
                out.println("  suggested tags: " + String.join(", ", tags(found)));
            }
            found.visual().ifPresent(v -> out.printf(Locale.ROOT,
                    "  %d frames looked at: up to %d faces in one, people in %d, NSFW score up to %.3f (%s)%n",
                    v.frames().size(), v.facesFound(), v.personCoverage().stream().filter(c -> c.coverage() >= PEOPLE).count(),
                    v.nsfwMax(), v.nsfwMaxAt().isPresent() ? String.format(Locale.ROOT, "at %.0f s", v.nsfwMaxAt().getAsDouble())
                            : "the poster"));
            found.visual().flatMap(VisualFindings::poster).ifPresent(p -> out.printf(Locale.ROOT,
                    "  poster: faces %d, people over %.0f%% of it, NSFW score %.3f%n",
                    p.faces(), p.personCoverage() * 100, p.nsfw()));
            found.notes().forEach(n -> out.println("  " + n));
            found.failures().forEach((step, error) -> out.println("  " + step.label() + " failed: " + error));
            if (json.isPresent()) {
                write(json.get(), report);
                out.println("Wrote " + json.get());
            } else {
                out.println(toJson(report));
            }
            return found.failures().isEmpty() ? 0 : 1;
        } finally {
            FileTrees.deleteQuietly(work);
        }
    }

    /** The JSON document: the keys scripts read, snake case, seconds and LUFS as numbers. */
    static Map<String, Object> report(FileAnalysis found) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("duration_s", round(found.durationS()));
        r.put("has_video", found.hasVideo());
        r.put("language", found.language().orElse(null));
        r.put("loudness_lufs", number(found.loudnessLufs()));
        r.put("loudness_normalised_lufs", number(found.normalisedLufs()));
        r.put("transcript", found.transcript().text());
        r.put("words", found.transcript().words().stream().map(w -> Map.of("start", round(w.start()), "end", round(w.end()),
                "text", w.text())).toList());
        r.put("speech", found.speech().stream().map(s -> Map.of("start", round(s.start()), "end", round(s.end()))).toList());
        r.put("captions", found.captions().stream().map(c -> Map.of("start", round(c.start()), "end", round(c.end()),
                "text", c.text())).toList());
        r.put("pages", found.pages().stream().map(p -> Map.of("start", round(p.start()), "end", round(p.end()),
                "text", p.text(), "frame_at", round(p.frameAt()))).toList());
        Optional<VisualFindings> seen = found.visual();
        r.put("faces_found", seen.map(VisualFindings::facesFound).orElse(null));
        r.put("person_coverage", seen.map(v -> v.personCoverage().stream().map(c -> Map.of("t", round(c.t()),
                "coverage", round(c.coverage()))).toList()).orElse(List.of()));
        r.put("nsfw_max", seen.map(v -> round(v.nsfwMax())).orElse(null));
        r.put("nsfw_max_at", seen.map(v -> number(v.nsfwMaxAt())).orElse(null));
        r.put("poster", seen.flatMap(VisualFindings::poster).map(p -> Map.of("nsfw", round(p.nsfw()), "faces", p.faces(),
                "person_coverage", round(p.personCoverage()))).orElse(null));
        r.put("written_language", found.topics().writtenLanguage().orElse(null));
        r.put("tags", tags(found));
        r.put("notes", found.notes());
        Map<String, String> failures = new LinkedHashMap<>();
        found.failures().forEach((step, error) -> failures.put(step.name().toLowerCase(Locale.ROOT), error));
        r.put("failures", failures);
        return r;
    }

    private static List<String> tags(FileAnalysis found) {
        return found.topics().suggestedTags().stream().map(SuggestedTag::tag).toList();
    }

    private static Object number(OptionalDouble value) {
        if (value.isEmpty()) {
            return null;
        }
        double v = value.getAsDouble();
        return Double.isFinite(v) ? round(v) : null;
    }

    private static String lufs(OptionalDouble value) {
        return value.isPresent() && Double.isFinite(value.getAsDouble())
                ? String.format(Locale.ROOT, "%.1f", value.getAsDouble()) : "-";
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String toJson(Map<String, Object> report) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, Map<String, Object> report) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, toJson(report));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("pando-analyze");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a scratch folder", e);
        }
    }
}
