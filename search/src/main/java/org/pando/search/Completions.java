package org.pando.search;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Completions of what is being typed: titles and tags that have every finished word and a word beginning with the
 * one being typed (the last, unless a space follows it). Those shared by most videos come first, then those that
 * begin as typed, then the shorter.
 */
final class Completions {
    /** Most suggestions given. */
    static final int MAX = 8;
    /** Most videos whose titles and tags are looked at. */
    private static final int CANDIDATE_VIDEOS = 200;

    private Completions() {
    }

    /** A title or tag that completes the typing, and in how many videos. */
    private static final class Candidate {
        final Suggestion suggestion;
        final boolean beginsAsTyped;
        int videos;

        Candidate(Suggestion suggestion, boolean beginsAsTyped) {
            this.suggestion = suggestion;
            this.beginsAsTyped = beginsAsTyped;
        }
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.<Candidate>comparingInt(c -> -c.videos)
            .thenComparing(c -> !c.beginsAsTyped)
            .thenComparingInt(c -> c.suggestion.text().length())
            .thenComparing(c -> c.suggestion.text());

    /**
     * @param stillSearchable which of some videos may be found now
     */
    static List<Suggestion> of(String typed, SearchIndex index, Function<Collection<String>, Set<String>> stillSearchable) {
        List<String> words = TextAnalysis.terms(TextAnalysis.WORDS, typed).stream().map(TextAnalysis.Term::text)
                .limit(QueryWords.MAX_WORDS).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        boolean lastFinished = Character.isWhitespace(typed.charAt(typed.length() - 1));
        List<String> finished = lastFinished ? words : words.subList(0, words.size() - 1);
        Optional<String> prefix = lastFinished ? Optional.empty() : Optional.of(words.getLast());
        List<SearchIndex.Ranked> videos = index.completing(finished, prefix, CANDIDATE_VIDEOS);
        Set<String> allowed = stillSearchable.apply(videos.stream().map(SearchIndex.Ranked::videoId).toList());
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (SearchIndex.Ranked video : videos) {
            if (!allowed.contains(video.videoId())) {
                continue;
            }
            consider(new Suggestion(video.title(), Suggestion.Kind.TITLE), words.getFirst(), finished, prefix, candidates);
            video.tags().forEach(tag -> consider(new Suggestion(tag, Suggestion.Kind.TAG), words.getFirst(), finished,
                    prefix, candidates));
        }
        return candidates.values().stream().sorted(BEST_FIRST).limit(MAX).map(c -> c.suggestion).toList();
    }

    private static void consider(Suggestion suggestion, String firstTyped, List<String> finished, Optional<String> prefix,
            Map<String, Candidate> candidates) {
        List<String> words = TextAnalysis.terms(TextAnalysis.WORDS, suggestion.text()).stream()
                .map(TextAnalysis.Term::text).toList();
        boolean completes = words.containsAll(finished) && prefix.map(p -> words.stream().anyMatch(w -> w.startsWith(p)))
                .orElse(true);
        if (!completes) {
            return;
        }
        String key = suggestion.kind().wireName() + ":" + suggestion.text().toLowerCase(Locale.ROOT);
        candidates.computeIfAbsent(key, k -> new Candidate(suggestion, !words.isEmpty() && words.getFirst().startsWith(firstTyped)))
                .videos++;
    }
}
