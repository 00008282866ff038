package org.pando.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.pando.understanding.FileAnalysis;
import org.pando.understanding.FrameFindings;
import org.pando.understanding.ImageEmbedding;
import org.pando.understanding.PictureFindings;
import org.pando.understanding.SuggestedTag;
import org.pando.understanding.Topics;
import org.pando.understanding.Transcript;
import org.pando.understanding.VisualFindings;

/** The keys of {@code pando analyze}'s JSON that tell what the pictures show. */
class AnalyzeCommandTest {

    @Test
    void aVideoReportsFacesPeopleAndItsHighestNsfwScore() {
        VisualFindings seen = new VisualFindings(List.of(new FrameFindings(0, 0.0123, 0, 0), new FrameFindings(1, 0.0456, 1, 0.10449)),
                new ImageEmbedding(new float[] {1, 2}));

        Map<String, Object> report = AnalyzeCommand.report(analysis(true, Optional.of(seen)));

        assertThat(report).as("the visual keys of %s", report).containsEntry("faces_found", 1)
                .containsEntry("nsfw_max", 0.046).containsEntry("nsfw_max_at", 1.0)
                .containsEntry("person_coverage", List.of(Map.of("t", 0.0, "coverage", 0.0), Map.of("t", 1.0, "coverage", 0.104)))
                .containsEntry("poster", null);
    }

    @Test
    void aPosterGivenIsReportedAndCountsForTheHighestScore() {
        VisualFindings seen = new VisualFindings(List.of(new FrameFindings(0, 0.0123, 0, 0)),
                Optional.of(new PictureFindings(0.25, 2, 0.3333)), new ImageEmbedding(new float[] {1, 2}));

        Map<String, Object> report = AnalyzeCommand.report(analysis(true, Optional.of(seen)));

        assertThat(report).as("the visual keys of %s", report).containsEntry("nsfw_max", 0.25).containsEntry("nsfw_max_at", null)
                .containsEntry("poster", Map.of("nsfw", 0.25, "faces", 2, "person_coverage", 0.333));
    }

    @Test
    void suggestedTagsBestFirstAndTheWrittenLanguage() {
        Map<String, Object> report = AnalyzeCommand.report(analysis(true, Optional.empty()));

        assertThat(report).as("the topic keys of %s", report).containsEntry("tags", List.of("cooking", "food"))
                .containsEntry("written_language", "fr");
    }

    @Test
    void audioHasNothingToLookAt() {
        Map<String, Object> report = AnalyzeCommand.report(analysis(false, Optional.empty()));

        assertThat(report).as("the visual keys of %s", report).containsEntry("faces_found", null).containsEntry("nsfw_max", null)
                .containsEntry("nsfw_max_at", null).containsEntry("person_coverage", List.of());
    }

    private static FileAnalysis analysis(boolean video, Optional<VisualFindings> seen) {
        return new FileAnalysis(2, video, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                new Transcript("und", List.of()), List.of(), List.of(), List.of(),
                new Topics(Optional.of("fr"), new float[] {1, 0}, List.of(new SuggestedTag("cooking", 0.5), new SuggestedTag("food", 0.4))),
                seen, List.of(), Map.of());
    }
}
