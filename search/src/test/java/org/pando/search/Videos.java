package org.pando.search;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Searchable videos for tests. */
final class Videos {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private Videos() {
    }

    /** A two-minute video published an hour ago, in English, in the channel "ana" ("Ana Cooks"), with no captions. */
    static SearchableVideo video(String id, String title) {
        return new SearchableVideo(id, title, "", List.of(), "ana", "Ana Cooks", 120_000, NOW.minusSeconds(3600),
                Set.of("en"), List.of());
    }

    static SearchableVideo withTags(SearchableVideo v, String... tags) {
        return new SearchableVideo(v.id(), v.title(), v.description(), List.of(tags), v.channelHandle(), v.channelName(),
                v.durationMs(), v.publishedAt(), v.languages(), v.transcript());
    }

    static SearchableVideo withDescription(SearchableVideo v, String description) {
        return new SearchableVideo(v.id(), v.title(), description, v.tags(), v.channelHandle(), v.channelName(),
                v.durationMs(), v.publishedAt(), v.languages(), v.transcript());
    }

    static SearchableVideo inLanguage(SearchableVideo v, String language) {
        return new SearchableVideo(v.id(), v.title(), v.description(), v.tags(), v.channelHandle(), v.channelName(),
                v.durationMs(), v.publishedAt(), Set.of(language), v.transcript());
    }

    static SearchableVideo lasting(SearchableVideo v, long durationMs) {
        return new SearchableVideo(v.id(), v.title(), v.description(), v.tags(), v.channelHandle(), v.channelName(),
                durationMs, v.publishedAt(), v.languages(), v.transcript());
    }

    static SearchableVideo publishedAt(SearchableVideo v, Instant at) {
        return new SearchableVideo(v.id(), v.title(), v.description(), v.tags(), v.channelHandle(), v.channelName(),
                v.durationMs(), at, v.languages(), v.transcript());
    }

    static SearchableVideo saying(SearchableVideo v, TranscriptCue... cues) {
        return new SearchableVideo(v.id(), v.title(), v.description(), v.tags(), v.channelHandle(), v.channelName(),
                v.durationMs(), v.publishedAt(), v.languages(), List.of(cues));
    }

    static SearchableVideo inChannel(SearchableVideo v, String handle, String name) {
        return new SearchableVideo(v.id(), v.title(), v.description(), v.tags(), handle, name,
                v.durationMs(), v.publishedAt(), v.languages(), v.transcript());
    }
}
