package org.pando.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** A source of searchable videos in memory, standing in for the database. */
final class MemorySource implements SearchSource {
    private final Map<String, SearchableVideo> videos = new ConcurrentHashMap<>();
    final AtomicInteger fullReads = new AtomicInteger();
    private final List<Note> notes = new ArrayList<>();
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

    MemorySource with(SearchableVideo... added) {
        for (SearchableVideo video : added) {
            videos.put(video.id(), video);
        }
        return this;
    }

    void remove(String id) {
        videos.remove(id);
    }

    @Override
    public Optional<SearchableVideo> searchable(String videoId) {
        reads.computeIfAbsent(videoId, k -> new AtomicInteger()).incrementAndGet();
        return Optional.ofNullable(videos.get(videoId));
    }

    /** How many times a video was read on its own. */
    int reads(String videoId) {
        AtomicInteger n = reads.get(videoId);
        return n == null ? 0 : n.get();
    }

    @Override
    public void forEachSearchable(Consumer<SearchableVideo> each) {
        fullReads.incrementAndGet();
        videos.values().forEach(each);
    }

    @Override
    public Set<String> stillSearchable(Collection<String> videoIds) {
        return videoIds.stream().filter(videos::containsKey).collect(Collectors.toSet());
    }

    @Override
    public List<String> searchableOfChannel(String handle) {
        return videos.values().stream().filter(v -> v.channelHandle().equals(handle)).map(SearchableVideo::id).toList();
    }

    @Override
    public long countSearchable() {
        return videos.size();
    }

    @Override
    public synchronized void note(String videoId, String noter) {
        notes.add(new Note(new NotedChange(notes.size() + 1, videoId), noter, Instant.EPOCH));
    }

    @Override
    public synchronized long lastNoted() {
        return notes.size();
    }

    @Override
    public synchronized List<NotedChange> notedAfter(long position, Instant notedBefore, String noter, int max) {
        return notes.stream().filter(n -> n.change().position() > position && n.at().isBefore(notedBefore))
                .filter(n -> !n.noter().equals(noter)).limit(max)
                .map(Note::change).toList();
    }

    @Override
    public void forgetNotedBefore(Instant instant) {
        // the few notes of a test are kept
    }

    private record Note(NotedChange change, String noter, Instant at) {
    }
}
