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
        return Optional.ofNullable(videos.get(videoId));
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
    public synchronized void note(String videoId) {
        notes.add(new Note(new NotedChange(notes.size() + 1, videoId), Instant.EPOCH));
    }

    @Override
    public synchronized long lastNoted() {
        return notes.size();
    }

    @Override
    public synchronized List<NotedChange> notedAfter(long position, Instant notedBefore, int max) {
        return notes.stream().filter(n -> n.change().position() > position && n.at().isBefore(notedBefore)).limit(max)
                .map(Note::change).toList();
    }

    @Override
    public void forgetNotedBefore(Instant instant) {
        // the few notes of a test are kept
    }

    private record Note(NotedChange change, Instant at) {
    }
}
