package org.pando.search;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A video as the search index reads it.
 *
 * @param id            the video
 * @param title         its title
 * @param description   its description
 * @param tags          the tags its creator gave it
 * @param channelHandle the handle of its channel
 * @param channelName   the display name of its channel
 * @param durationMs    its length
 * @param publishedAt   when it was published
 * @param languages     the languages it is in, ISO 639-1 codes (see {@link #languagesOf})
 * @param transcript    the caption cues of what is said in it, in time order; empty before its analysis
 */
public record SearchableVideo(
        String id, String title, String description, List<String> tags, String channelHandle, String channelName,
        long durationMs, Instant publishedAt, Set<String> languages, List<TranscriptCue> transcript) {

    public SearchableVideo {
        tags = List.copyOf(tags);
        languages = Set.copyOf(languages);
        transcript = List.copyOf(transcript);
    }

    /**
     * The languages a video is in, for the language filter: the language its title and description are written in
     * and the language spoken in it, when the analysis found them; only when it found neither, the language of
     * the creator's profile at upload.
     */
    public static Set<String> languagesOf(Optional<String> written, Optional<String> spoken, Optional<String> creators) {
        Set<String> found = new LinkedHashSet<>();
        written.filter(SearchableVideo::known).ifPresent(found::add);
        spoken.filter(SearchableVideo::known).ifPresent(found::add);
        if (found.isEmpty()) {
            creators.filter(SearchableVideo::known).ifPresent(found::add);
        }
        return found.stream().map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a language code names a language ("und" is ISO 639's "undetermined"). */
    private static boolean known(String language) {
        return !language.isBlank() && !language.equals("und");
    }
}
