package org.pando.search;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.pando.domain.Page;

/**
 * Search over published videos, a lifecycle component: owns the index in its directory and the thread that keeps
 * it current.
 *
 * <pre>{@code
 * try (VideoSearch search = VideoSearch.open(dataDir.resolve("search"), source, Clock.systemUTC())) {
 *     search.start();
 *     search.changed(videoId); // after publishing, analysing or tagging it
 *     Page<SearchHit> hits = search.search(SearchQuery.of("ask not"));
 * }
 * }</pre>
 */
public final class VideoSearch implements AutoCloseable {
    private final SearchSource source;
    private final SearchIndex index;
    private final IndexUpdater updater;
    private final Clock clock;

    private VideoSearch(SearchSource source, SearchIndex index, Clock clock) {
        this.source = source;
        this.index = index;
        this.updater = new IndexUpdater(index, source, clock);
        this.clock = clock;
    }

    /**
     * Opens the index in a directory (made when missing); nothing is read from the source until {@link #start()}
     * or {@link #rebuild()}.
     *
     * @param clock the time the date filter counts back from
     */
    public static VideoSearch open(Path directory, SearchSource source, Clock clock) {
        return new VideoSearch(source, SearchIndex.open(directory), clock);
    }

    /** Starts keeping the index current, first rebuilding it when it is missing, old or out of step. */
    public void start() {
        updater.start();
    }

    /**
     * Reads a video again: it is added, updated or removed as the source now says, within about a second; the change is
     * noted in the source for the other processes that share it, whose indexes follow within a few seconds.
     */
    public void changed(String videoId) {
        updater.changed(videoId);
        source.note(videoId, updater.noter());
    }

    /** Reads the videos of the channel with that handle again, as after its name changed. */
    public void channelChanged(String handle) {
        source.searchableOfChannel(handle).forEach(this::changed);
    }

    /** Rebuilds the whole index from the source now, in the calling thread; for use without {@link #start()}. */
    public int rebuild() {
        return IndexRebuild.run(index, source, () -> false);
    }

    /** Waits until every change told so far is in the index; false when the time ran out first. */
    public boolean awaitIdle(Duration timeout) {
        try {
            return updater.awaitIdle(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The videos that match the query best, best first, each with the moment its words are said when they are.
     * Only videos the source says may be found now are returned.
     */
    public Page<SearchHit> search(SearchQuery query) {
        QueryWords words = QueryWords.of(query.text());
        if (words.isEmpty()) {
            return Page.empty();
        }
        int end = query.offset() + query.limit();
        List<SearchIndex.Ranked> ranked = index.videos(RelevanceQuery.videos(words), query, clock.instant(), end + 1);
        List<SearchIndex.Ranked> page = ranked.subList(Math.min(query.offset(), ranked.size()), Math.min(end, ranked.size()));
        Set<String> allowed = source.stillSearchable(page.stream().map(SearchIndex.Ranked::videoId).toList());
        Query said = RelevanceQuery.cues(words);
        List<SearchHit> hits = new ArrayList<>();
        for (SearchIndex.Ranked r : page) {
            if (allowed.contains(r.videoId())) {
                hits.add(new SearchHit(r.videoId(), r.score(), index.bestCue(said, r.videoId())));
            } else {
                updater.changed(r.videoId());
            }
        }
        boolean more = ranked.size() > end && end <= SearchQuery.MAX_OFFSET;
        return new Page<>(hits, more ? Optional.of(SearchCursor.of(end)) : Optional.empty());
    }

    /** Up to eight titles and tags completing what is being typed (the last word may be unfinished). */
    public List<Suggestion> suggest(String typed) {
        if (typed.isBlank() || typed.length() > SearchQuery.MAX_LENGTH) {
            return List.of();
        }
        return Completions.of(typed, index, source::stillSearchable);
    }

    @Override
    public void close() {
        updater.close();
        index.close();
    }
}
