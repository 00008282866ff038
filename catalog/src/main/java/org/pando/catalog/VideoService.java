package org.pando.catalog;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pando.account.Account;
import org.pando.domain.InvalidInput;
import org.pando.domain.Keyset;
import org.pando.domain.Page;
import org.pando.domain.RandomIds;
import org.pando.domain.RecentReads;

/**
 * Videos: creation from a finished upload, lookups and listings, and the processing state that the
 * processing job reports.
 *
 * <pre>{@code
 * Video video = videos.create(uploader, new NewVideo(Optional.empty(), "Market at dawn", ""));
 * videos.progress(video.id(), 0.4);
 * }</pre>
 */
public final class VideoService {
    /** Longest page a listing returns. */
    public static final int MAX_PAGE = 100;
    /** How long {@link #findAllCached} uses a video read before reading it again. */
    public static final Duration CACHED_FOR = Duration.ofSeconds(5);
    /**
     * Most videos cached, each with its title and description: room for what a busy instance's feeds and events name
     * within {@link #CACHED_FOR}.
     */
    private static final int MAX_CACHED = 200_000;

    private final VideoRepository repository;
    private final ChannelService channels;
    private final Clock clock;
    private final RecentReads<Video> cached = new RecentReads<>(this::findAll, CACHED_FOR, MAX_CACHED, System::nanoTime);

    public VideoService(VideoRepository repository, ChannelService channels, Clock clock) {
        this.repository = repository;
        this.channels = channels;
        this.clock = clock;
    }

    /** Checks title and description without creating anything, so an upload can be refused before its bytes. */
    public void check(Account uploader, NewVideo video) {
        title(video.title());
        description(video.description());
        channelFor(uploader, video);
    }

    /**
     * A new video in processing, in the named channel (which the uploader must own) or the default one; it waits
     * for the check of its pictures before others see it.
     */
    public Video create(Account uploader, NewVideo video) {
        Channel channel = channelFor(uploader, video);
        Video created = new Video(RandomIds.id(), channel.id(), title(video.title()), description(video.description()),
                VideoKind.VIDEO, VideoStatus.PROCESSING, Optional.empty(), 0, false, 0, 0, 0, uploader.country(),
                uploader.primaryLanguage(), 0, 0, clock.instant().truncatedTo(ChronoUnit.MILLIS), Publication.CHECKING);
        repository.insert(created);
        return created;
    }

    public Video get(String id) {
        return repository.find(id).orElseThrow(() -> new VideoNotFound(id));
    }

    public Optional<Video> find(String id) {
        return repository.find(id);
    }

    /** The videos of these ids that exist, by id, read at once. */
    public Map<String, Video> findAll(Collection<String> ids) {
        return ids.isEmpty() ? Map.of()
                : repository.findAll(ids).stream().collect(Collectors.toMap(Video::id, Function.identity()));
    }

    /**
     * The videos of these ids that exist, by id, as read at most {@link #CACHED_FOR} ago: for feed pages and batches of
     * events, which name the same videos again and again. Changes made through this process (processing, publication,
     * likes and comments) show at once; changes made by another process or node show within those seconds.
     */
    public Map<String, Video> findAllCached(Collection<String> ids) {
        return ids.isEmpty() ? Map.of() : cached.find(ids);
    }

    /** Tells the service that a video's likes or comments were counted anew, so that its cached copy goes. */
    public void countsChanged(String id) {
        cached.forget(id);
    }

    /** Published videos of a channel, newest first. */
    public Page<Video> ofChannel(String channelId, Optional<String> cursor, int limit) {
        return Page.ofOverfetched(
                repository.listByChannel(channelId, Keyset.from(cursor), clamp(limit) + 1, false), clamp(limit), VideoService::position);
    }

    /** Every video of the account's channels in any status, newest first. */
    public Page<Video> ofOwner(String ownerId, Optional<String> cursor, int limit) {
        return Page.ofOverfetched(
                repository.listByOwner(ownerId, Keyset.from(cursor), clamp(limit) + 1), clamp(limit), VideoService::position);
    }

    /** How many videos are processing, ready and failed: the processing queue at a glance. */
    public Map<VideoStatus, Long> countByStatus() {
        return repository.countByStatus();
    }

    /** Uploads finished on each of the last {@code days} days (UTC), oldest first, days without any as 0. */
    public SortedMap<LocalDate, Long> uploadsPerDay(int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        SortedMap<LocalDate, Long> counted = repository.uploadsPerDay(first.atStartOfDay().toInstant(ZoneOffset.UTC));
        SortedMap<LocalDate, Long> all = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            all.put(d, counted.getOrDefault(d, 0L));
        }
        return all;
    }

    /** Whether the account owns the channel the video is in. */
    public boolean ownedBy(Video video, String accountId) {
        return channels.byId(video.channelId()).ownerId().equals(accountId);
    }

    /** Whether the viewer may see the video: everyone a published one; its creator and moderators any. */
    public boolean visibleTo(Video video, Optional<Account> viewer) {
        return video.published() || viewer.filter(a -> a.moderates() || ownedBy(video, a.id())).isPresent();
    }

    /** The video, or {@link VideoNotFound} when the viewer may not see it (so its existence is not given away). */
    public Video visible(String id, Optional<Account> viewer) {
        Video video = get(id);
        if (!visibleTo(video, viewer)) {
            throw new VideoNotFound(id);
        }
        return video;
    }

    /** What probing the upload found: its kind, length and (for a video) its displayed size. */
    public void probed(String id, VideoKind kind, long durationMs, int width, int height) {
        repository.updateProbe(id, kind, durationMs, width, height);
        cached.forget(id);
    }

    public void progress(String id, double fraction) {
        repository.updateProgress(id, Math.max(0, Math.min(1, fraction)));
        cached.forget(id);
    }

    public void playable(String id) {
        repository.markPlayable(id);
        cached.forget(id);
    }

    public void ready(String id) {
        repository.markReady(id);
        cached.forget(id);
    }

    public void failed(String id, String message) {
        repository.markFailed(id, message);
        cached.forget(id);
    }

    public void restarted(String id) {
        repository.markRestarted(id);
        cached.forget(id);
    }

    /** Sets whether others may see the video (the moderation's decision). */
    public void publication(String id, Publication publication) {
        repository.updatePublication(id, publication);
        cached.forget(id);
    }

    private Channel channelFor(Account uploader, NewVideo video) {
        Channel channel = video.channelHandle().filter(h -> !h.isBlank())
                .map(channels::byHandle)
                .orElseGet(() -> channels.defaultChannel(uploader.id()));
        if (!channel.ownerId().equals(uploader.id())) {
            throw new NotAllowed("You can only upload to your own channels.");
        }
        return channel;
    }

    private static String title(String title) {
        String t = title.strip();
        if (t.isEmpty() || t.length() > 200) {
            throw new InvalidInput("title", "Give the video a title of 1 to 200 characters.");
        }
        return t;
    }

    private static String description(String description) {
        if (description.length() > 5000) {
            throw new InvalidInput("description", "Keep the description under 5000 characters.");
        }
        return description.strip();
    }

    private static Keyset position(Video video) {
        return new Keyset(video.createdAt(), video.id());
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(MAX_PAGE, limit));
    }
}
