package org.pando.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cached videos of feeds and event batches: read once, read again at once after a change made through the service. */
class VideoServiceCacheTest {
    private final Map<String, Video> stored = new HashMap<>();
    private final List<Collection<String>> reads = new ArrayList<>();
    private final VideoService videos = service();

    private static Video video(String id, Publication publication, long likes) {
        return new Video(id, "channel", "Title", "", VideoKind.VIDEO, VideoStatus.READY, Optional.empty(), 1, true, 60_000, 720,
                1280, Optional.empty(), Optional.empty(), likes, 0, Instant.EPOCH, publication);
    }

    /** A repository over {@link #stored} that records which ids each read asked for. */
    @SuppressWarnings("unchecked")
    private VideoService service() {
        VideoRepository repository = (VideoRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {VideoRepository.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "findAll" -> {
                        Collection<String> ids = (Collection<String>) args[0];
                        reads.add(List.copyOf(ids));
                        yield ids.stream().filter(stored::containsKey).map(stored::get).toList();
                    }
                    case "updatePublication" -> {
                        Video v = stored.get((String) args[0]);
                        stored.put(v.id(), video(v.id(), (Publication) args[1], v.likes()));
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ChannelRepository channels = (ChannelRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ChannelRepository.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        Clock clock = Clock.systemUTC();
        return new VideoService(repository, new ChannelService(channels, renamed -> { }, clock), clock);
    }

    @Test
    void aVideoIsReadOnceWhileCachedAndAgainAfterItsPublicationChanged() {
        stored.put("a", video("a", Publication.PUBLISHED, 0));
        videos.findAllCached(Set.of("a"));
        videos.findAllCached(Set.of("a"));
        assertThat(reads).as("reads while cached").hasSize(1);

        videos.publication("a", Publication.HELD);

        assertThat(videos.findAllCached(Set.of("a")).get("a").publication()).as("publication right after the hold")
                .isEqualTo(Publication.HELD);
        assertThat(reads).as("reads after the hold").hasSize(2);
    }

    @Test
    void countsChangedElsewhereInTheProcessShowAtOnce() {
        stored.put("a", video("a", Publication.PUBLISHED, 0));
        videos.findAllCached(Set.of("a"));
        stored.put("a", video("a", Publication.PUBLISHED, 1));

        videos.countsChanged("a");

        assertThat(videos.findAllCached(Set.of("a")).get("a").likes()).as("likes right after the like").isEqualTo(1);
    }
}
