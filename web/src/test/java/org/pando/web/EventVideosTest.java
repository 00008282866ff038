package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.pando.catalog.ChannelRepository;
import org.pando.catalog.ChannelService;
import org.pando.catalog.Publication;
import org.pando.catalog.Video;
import org.pando.catalog.VideoKind;
import org.pando.catalog.VideoRepository;
import org.pando.catalog.VideoService;
import org.pando.catalog.VideoStatus;

/** The videos batches of events name: read once, kept for a few seconds, read again after. */
class EventVideosTest {
    private final List<Collection<String>> reads = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();

    private static Video video(String id) {
        return new Video(id, "channel", "Title", "", VideoKind.VIDEO, VideoStatus.READY, Optional.empty(), 1, true, 60_000, 720,
                1280, Optional.empty(), Optional.empty(), 0, 0, Instant.EPOCH, Publication.PUBLISHED);
    }

    /** A repository that knows videos {@code a} and {@code b} and records which ids each read asked for. */
    @SuppressWarnings("unchecked")
    private VideoService videos() {
        VideoRepository repository = (VideoRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {VideoRepository.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("findAll")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Collection<String> ids = (Collection<String>) args[0];
                    reads.add(List.copyOf(ids));
                    return ids.stream().filter(Set.of("a", "b")::contains).map(EventVideosTest::video).toList();
                });
        ChannelRepository channels = (ChannelRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ChannelRepository.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        Clock clock = Clock.systemUTC();
        return new VideoService(repository, new ChannelService(channels, renamed -> { }, clock), clock);
    }

    @Test
    void readsEachVideoOnceWhileKeptAndAgainAfter() {
        EventVideos eventVideos = new EventVideos(videos(), nanos::get);

        assertThat(eventVideos.find(Set.of("a", "missing")).keySet()).as("found at first").containsExactly("a");
        assertThat(reads).as("reads after the first batch").hasSize(1);

        nanos.addAndGet(EventVideos.KEEP.toNanos() - 1);
        assertThat(eventVideos.find(Set.of("a", "b")).keySet()).as("found in the second batch").containsExactlyInAnyOrder("a", "b");
        assertThat(reads.get(1)).as("the second read asks only for what was not kept").containsExactly("b");

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        eventVideos.find(Set.of("a"));
        assertThat(reads).as("reads once 'a' was kept too long").hasSize(3);
        assertThat(reads.get(2)).as("the third read").containsExactly("a");
    }
}
