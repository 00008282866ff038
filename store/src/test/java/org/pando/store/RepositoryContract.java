package org.pando.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.pando.account.Account;
import org.pando.account.AccountTaken;
import org.pando.account.StoredToken;
import org.pando.account.TokenKind;
import org.pando.catalog.Channel;
import org.pando.catalog.ChannelLink;
import org.pando.catalog.ChannelPicture;
import org.pando.catalog.Comment;
import org.pando.catalog.HandleTaken;
import org.pando.catalog.Publication;
import org.pando.catalog.Video;
import org.pando.catalog.VideoKind;
import org.pando.catalog.VideoStatus;
import org.pando.domain.InvalidInput;
import org.pando.domain.Keyset;
import org.pando.domain.RandomIds;
import org.pando.events.EventType;
import org.pando.events.LogPosition;
import org.pando.events.LoggedEvent;
import org.pando.events.Surface;
import org.pando.events.UserEvent;
import org.pando.jobs.Job;
import org.pando.jobs.JobState;
import org.pando.recommend.FeedPreferences;
import org.pando.recommend.FeedStrategy;
import org.pando.recommend.Signal;
import org.pando.recommend.VideoEmbeddings;
import org.pando.ledger.Earnings;
import org.pando.ledger.IdempotencyKeyReused;
import org.pando.ledger.InsufficientFunds;
import org.pando.ledger.LedgerAccount;
import org.pando.ledger.LedgerTransaction;
import org.pando.ledger.Posting;
import org.pando.ledger.Statement;
import org.pando.ledger.TransactionKind;
import org.pando.ledger.Wallets;
import org.pando.search.NotedChange;
import org.pando.search.SearchableVideo;
import org.pando.stats.ChannelStats;
import org.pando.stats.CheckpointMoved;
import org.pando.stats.CreatorStats;
import org.pando.stats.Exposure;
import org.pando.stats.InstanceDashboard;
import org.pando.stats.InstanceStats;
import org.pando.stats.Lorenz;
import org.pando.stats.StatsAggregator;
import org.pando.stats.StatsDelta;
import org.pando.stats.StatsStore;
import org.pando.stats.VideoStats;
import org.pando.stats.VideoTotals;
import org.pando.search.TranscriptCue;
import org.pando.understanding.Cue;
import org.pando.understanding.FileAnalysis;
import org.pando.understanding.FrameFindings;
import org.pando.understanding.PictureFindings;
import org.pando.understanding.ImageEmbedding;
import org.pando.understanding.SlidePage;
import org.pando.understanding.Step;
import org.pando.understanding.SuggestedTag;
import org.pando.understanding.StepState;
import org.pando.understanding.TimeRange;
import org.pando.understanding.Topics;
import org.pando.understanding.Transcript;
import org.pando.understanding.VideoAnalysis;
import org.pando.understanding.VideoText;
import org.pando.understanding.VisualFindings;
import org.pando.understanding.Word;
import org.pando.upload.Upload;
import org.pando.upload.UploadMetadata;

/**
 * The repositories' behaviour, run once on H2 and once on PostgreSQL so the SQL stays portable. Each test
 * makes its own accounts with random names, so the tests share one database.
 */
abstract class RepositoryContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    abstract Database database();

    private Account register(String name) {
        Account account = new Account(RandomIds.id(), name + RandomIds.id().toLowerCase(), name + RandomIds.id() + "@example.org",
                Optional.of("KR"), List.of("ko", "en"), T0);
        new JdbiRegistrationStore(database().jdbi()).register(account, "hash", channel(account, account.username()));
        return account;
    }

    private static Channel channel(Account owner, String handle) {
        return Channel.created(RandomIds.id(), owner.id(), handle, handle, "", T0);
    }

    private Video video(Channel channel, Instant at, VideoStatus status) {
        return video(RandomIds.id(), channel, at, status);
    }

    private Video video(String id, Channel channel, Instant at, VideoStatus status) {
        Video video = new Video(id, channel.id(), "t", "", VideoKind.VIDEO, status, Optional.empty(), 0, false, 1000,
                640, 360, Optional.of("KR"), Optional.of("ko"), 0, 0, at,
                status == VideoStatus.READY ? Publication.PUBLISHED : Publication.CHECKING);
        new JdbiVideoRepository(database().jdbi()).insert(video);
        return video;
    }

    private Channel defaultChannel(Account account) {
        return new JdbiChannelRepository(database().jdbi()).listByOwner(account.id()).getFirst();
    }

    @Test
    void registersAnAccountWithItsDefaultChannelAndRefusesTakenNames() {
        JdbiAccountRepository accounts = new JdbiAccountRepository(database().jdbi());
        Account ana = register("ana");

        assertThat(accounts.findByUsername(ana.username())).contains(ana);
        assertThat(accounts.passwordHash(ana.id())).contains("hash");
        assertThat(defaultChannel(ana).handle()).as("default channel named after the account").isEqualTo(ana.username());

        Account sameName = new Account(RandomIds.id(), ana.username(), "other@example.org", Optional.empty(), List.of(), T0);
        assertThatThrownBy(() -> new JdbiRegistrationStore(database().jdbi()).register(sameName, "h", channel(sameName, "x" + RandomIds.id().toLowerCase())))
                .isInstanceOf(AccountTaken.class).hasMessageContaining(ana.username());
        assertThat(accounts.findById(sameName.id())).as("nothing of the refused account is kept").isEmpty();
    }

    @Test
    void keepsTokensAsDigestsAndProfilesAsLists() {
        JdbiAccountRepository accounts = new JdbiAccountRepository(database().jdbi());
        Account ana = register("ana");
        StoredToken session = new StoredToken(RandomIds.id(), "d" + RandomIds.secret(), ana.id(), TokenKind.SESSION, "", T0,
                Optional.of(T0.plusSeconds(60)));
        StoredToken api = new StoredToken(RandomIds.id(), "d" + RandomIds.secret(), ana.id(), TokenKind.API, "backup", T0, Optional.empty());
        accounts.saveToken(session);
        accounts.saveToken(api);

        assertThat(accounts.findToken(session.digest())).contains(session);
        assertThat(accounts.apiTokens(ana.id())).singleElement().satisfies(t -> assertThat(t.name()).isEqualTo("backup"));
        assertThat(accounts.deleteApiToken(ana.id(), session.id())).as("a session is not an API token").isFalse();
        assertThat(accounts.deleteApiToken(ana.id(), api.id())).isTrue();
        accounts.deleteToken(session.digest());
        assertThat(accounts.findToken(session.digest())).isEmpty();

        accounts.updateProfile(ana.id(), Optional.of("BR"), List.of("pt"));
        assertThat(accounts.findById(ana.id()).orElseThrow()).satisfies(a -> {
            assertThat(a.country()).contains("BR");
            assertThat(a.languages()).containsExactly("pt");
        });
    }

    @Test
    void followsChannelsOnceAndCountsFollowers() {
        JdbiChannelRepository channels = new JdbiChannelRepository(database().jdbi());
        Account ana = register("ana");
        Account bo = register("bo");
        Channel anas = defaultChannel(ana);

        assertThat(channels.follow(bo.id(), anas.id(), T0)).isTrue();
        assertThat(channels.follow(bo.id(), anas.id(), T0)).as("second follow").isFalse();
        assertThat(channels.findById(anas.id()).orElseThrow().followers()).isEqualTo(1);
        assertThat(channels.followedChannelIds(bo.id())).containsExactly(anas.id());
        Channel bos = defaultChannel(bo);
        assertThat(channels.followedAmong(bo.id(), List.of(anas.id(), bos.id(), "no-such-channel")))
                .as("followed among three, read at once").containsExactly(anas.id());
        assertThat(channels.findAll(List.of(anas.id(), bos.id(), "no-such-channel"))).extracting(Channel::id)
                .as("channels read at once").containsExactlyInAnyOrder(anas.id(), bos.id());
        assertThat(channels.unfollow(bo.id(), anas.id())).isTrue();
        assertThat(channels.unfollow(bo.id(), anas.id())).as("second unfollow").isFalse();
        assertThat(channels.isFollowing(bo.id(), anas.id())).isFalse();
        assertThat(channels.findById(anas.id()).orElseThrow().followers()).as("followers after the unfollow").isZero();
        assertThatThrownBy(() -> channels.insert(channel(ana, anas.handle()))).isInstanceOf(HandleTaken.class);
    }

    @Test
    void keepsAChannelsPageItsLinksInOrderAndWhenEachPictureWasSet() {
        JdbiChannelRepository channels = new JdbiChannelRepository(database().jdbi());
        Channel anas = defaultChannel(register("ana"));
        List<ChannelLink> links = List.of(new ChannelLink("Blog \"2\" 한국", "https://ana.example/blog?a=1&b=2"),
                new ChannelLink("Shop", "http://shop.example/"));

        channels.update(new Channel(anas.id(), anas.ownerId(), anas.handle(), "Ana travels", "Trains.", links, Map.of(),
                anas.followers(), anas.createdAt()));
        channels.setPicture(anas.id(), ChannelPicture.BANNER, Optional.of(T0.plusSeconds(5)));
        Channel saved = channels.findById(anas.id()).orElseThrow();
        assertThat(saved.displayName()).isEqualTo("Ana travels");
        assertThat(saved.description()).isEqualTo("Trains.");
        assertThat(saved.links()).as("links in the creator's order").isEqualTo(links);
        assertThat(saved.pictures()).as("only the banner was set").isEqualTo(Map.of(ChannelPicture.BANNER, T0.plusSeconds(5)));

        channels.setPicture(anas.id(), ChannelPicture.BANNER, Optional.empty());
        channels.setPicture(anas.id(), ChannelPicture.AVATAR, Optional.of(T0));
        assertThat(channels.findByHandle(anas.handle()).orElseThrow().pictures())
                .as("banner removed, avatar set").isEqualTo(Map.of(ChannelPicture.AVATAR, T0));
    }

    @Test
    void listsVideosNewestFirstByKeysetAndTracksProcessing() {
        JdbiVideoRepository videos = new JdbiVideoRepository(database().jdbi());
        Account ana = register("ana");
        Channel channel = defaultChannel(ana);
        Video old = video(channel, T0, VideoStatus.READY);
        Video mid = video(channel, T0.plusSeconds(1), VideoStatus.READY);
        Video fresh = video(channel, T0.plusSeconds(2), VideoStatus.PROCESSING);

        assertThat(videos.listByChannel(channel.id(), Keyset.start(), 10, false)).extracting(Video::id).containsExactly(mid.id(), old.id());
        assertThat(videos.listByOwner(ana.id(), Keyset.start(), 2)).extracting(Video::id).containsExactly(fresh.id(), mid.id());
        assertThat(videos.listByOwner(ana.id(), new Keyset(mid.createdAt(), mid.id()), 10)).extracting(Video::id).containsExactly(old.id());

        assertThat(fresh.kind()).as("kind of an upload not probed yet").isEqualTo(VideoKind.VIDEO);
        videos.updateProbe(fresh.id(), VideoKind.AUDIO, 11_000, 0, 0);
        videos.updateProgress(fresh.id(), 0.5);
        videos.markPlayable(fresh.id());
        assertThat(videos.find(fresh.id()).orElseThrow()).satisfies(v -> {
            assertThat(v.kind()).as("kind of a probed audio clip").isEqualTo(VideoKind.AUDIO);
            assertThat(v.progress()).isEqualTo(0.5);
            assertThat(v.playable()).isTrue();
            assertThat(v.durationMs()).isEqualTo(11_000);
        });
        assertThat(videos.find(old.id()).orElseThrow().kind()).as("kind of a video").isEqualTo(VideoKind.VIDEO);
        videos.markFailed(fresh.id(), "The file looks truncated.");
        assertThat(videos.find(fresh.id()).orElseThrow()).satisfies(v -> {
            assertThat(v.status()).isEqualTo(VideoStatus.FAILED);
            assertThat(v.error()).contains("The file looks truncated.");
            assertThat(v.playable()).isFalse();
        });
        videos.markRestarted(fresh.id());
        videos.markReady(fresh.id());
        assertThat(videos.find(fresh.id()).orElseThrow().status()).isEqualTo(VideoStatus.READY);
    }

    @Test
    void likesOnceAndPagesComments() {
        JdbiSocialRepository social = new JdbiSocialRepository(database().jdbi());
        Account ana = register("ana");
        Account bo = register("bo");
        Video video = video(defaultChannel(ana), T0, VideoStatus.READY);

        assertThat(social.like(bo.id(), video.id(), T0)).isTrue();
        assertThat(social.like(bo.id(), video.id(), T0)).as("second like").isFalse();
        Video other = video(defaultChannel(ana), T0.plusSeconds(1), VideoStatus.READY);
        assertThat(social.likedAmong(bo.id(), List.of(video.id(), other.id()))).as("liked among two, read at once")
                .containsExactly(video.id());
        assertThat(new JdbiVideoRepository(database().jdbi()).find(video.id()).orElseThrow().likes()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            social.insertComment(new Comment(RandomIds.id(), video.id(), bo.id(), bo.username(), "c" + i, T0.plusSeconds(i)));
        }
        List<Comment> first = social.comments(video.id(), Keyset.start(), 2);
        assertThat(first).extracting(Comment::body).containsExactly("c2", "c1");
        assertThat(first.getFirst().authorUsername()).isEqualTo(bo.username());
        Comment last = first.getLast();
        assertThat(social.comments(video.id(), new Keyset(last.createdAt(), last.id()), 2)).extracting(Comment::body).containsExactly("c0");
        JdbiVideoRepository videos = new JdbiVideoRepository(database().jdbi());
        assertThat(videos.find(video.id()).orElseThrow().comments()).as("comments counted in the video's row").isEqualTo(3);
        social.deleteComment(last.id());
        social.deleteComment(last.id());
        assertThat(social.findComment(last.id())).isEmpty();
        assertThat(videos.find(video.id()).orElseThrow().comments()).as("one comment deleted, twice").isEqualTo(2);
        assertThat(social.unlike(bo.id(), video.id())).isTrue();
        assertThat(social.unlike(bo.id(), video.id())).as("second unlike").isFalse();
        assertThat(videos.findAll(List.of(video.id(), other.id()))).as("counts after the like was taken back")
                .allSatisfy(v -> assertThat(v.likes()).as("likes of %s", v.id()).isZero());
    }

    @Test
    void keepsUploadsUntilFinishedOrExpired() {
        JdbiUploadRepository uploads = new JdbiUploadRepository(database().jdbi());
        Account ana = register("ana");
        Upload upload = new Upload(RandomIds.id(), ana.id(), 1234, UploadMetadata.from(Map.of("filename", "a.mp4", "title", "A")),
                T0, T0.plusSeconds(10), Optional.empty());
        uploads.insert(upload);

        assertThat(uploads.find(upload.id())).contains(upload);
        assertThat(uploads.expired(T0.plusSeconds(11))).extracting(Upload::id).contains(upload.id());
        uploads.finish(upload.id(), "video1");
        assertThat(uploads.find(upload.id()).orElseThrow().videoId()).contains("video1");
        assertThat(uploads.expired(T0.plusSeconds(11))).extracting(Upload::id).doesNotContain(upload.id());
    }

    @Test
    void claimsEachJobOnceAndReclaimsItWhenTheLeaseLapses() {
        JdbiJobRepository jobs = new JdbiJobRepository(database().jdbi());
        String kind = "k" + RandomIds.id();
        Job job = new Job(RandomIds.id(), kind, "video1", 0, T0);
        jobs.enqueue(job, T0);

        Optional<Job> claimed = jobs.claim(Set.of(kind), "one", T0, T0.plusSeconds(15));
        assertThat(claimed).map(Job::attempts).as("first claim counts one attempt").contains(1);
        assertThat(jobs.claim(Set.of(kind), "two", T0.plusSeconds(1), T0.plusSeconds(16))).as("leased to another").isEmpty();
        assertThat(jobs.renew(job.id(), "two", T0.plusSeconds(30))).as("renewal by a stranger").isFalse();

        Optional<Job> reclaimed = jobs.claim(Set.of(kind), "two", T0.plusSeconds(16), T0.plusSeconds(31));
        assertThat(reclaimed).map(Job::attempts).as("after the lease lapsed").contains(2);
        jobs.complete(job.id(), "one");
        assertThat(jobs.state(job.id())).as("the old owner's completion is ignored").contains(JobState.RUNNING);
        jobs.requeue(job.id(), "two", "shutdown", T0.plusSeconds(20), false);
        assertThat(jobs.claim(Set.of(kind), "three", T0.plusSeconds(19), T0.plusSeconds(40))).as("not yet due").isEmpty();
        assertThat(jobs.claim(Set.of(kind), "three", T0.plusSeconds(20), T0.plusSeconds(40))).map(Job::attempts)
                .as("an uncounted requeue keeps the attempt count").contains(2);
        jobs.complete(job.id(), "three");
        assertThat(jobs.state(job.id())).contains(JobState.DONE);
    }

    @Test
    void countsTheJobsOfAKindThatAreQueuedOrRunning() {
        JdbiJobRepository jobs = new JdbiJobRepository(database().jdbi());
        String kind = "k" + RandomIds.id();
        for (int i = 0; i < 3; i++) {
            jobs.enqueue(new Job(RandomIds.id(), kind, "video" + i, 0, T0), T0);
        }
        jobs.enqueue(new Job(RandomIds.id(), "other" + RandomIds.id(), "video", 0, T0), T0);
        Job done = jobs.claim(Set.of(kind), "one", T0, T0.plusSeconds(15)).orElseThrow();
        jobs.complete(done.id(), "one");
        jobs.claim(Set.of(kind), "one", T0, T0.plusSeconds(15)).orElseThrow();

        assertThat(jobs.waiting(kind)).as("one queued and one running, not the one done nor another kind's").isEqualTo(2);
    }

    @Test
    void readsEventsBackInTheOrderTheyWereAppended() {
        JdbiEventLog log = new JdbiEventLog(database().jdbi());
        long start = log.readAfter(0, Integer.MAX_VALUE).stream().mapToLong(LoggedEvent::sequence).max().orElse(0);
        List<UserEvent> batch = List.of(
                new UserEvent(EventType.IMPRESSION, "u1", "v1", "c1", Surface.FOR_YOU, Optional.of("KR"), Optional.of("ko"), 0, 5000, T0),
                new UserEvent(EventType.PROGRESS, "u1", "v1", "c1", Surface.FOR_YOU, Optional.empty(), Optional.empty(), 2500, 5000, T0),
                new UserEvent(EventType.COMPLETE, "u1", "v1", "c1", Surface.FOR_YOU, Optional.empty(), Optional.empty(), 5000, 5000, T0),
                new UserEvent(EventType.NOT_INTERESTED, "u1", "v2", "c1", Surface.FOR_YOU, Optional.empty(), Optional.empty(), 0,
                        5000, T0, OptionalDouble.of(0.045)));
        long last = log.append(batch);

        List<LoggedEvent> read = log.readAfter(start, 10);
        assertThat(read).extracting(LoggedEvent::event).containsExactlyElementsOf(batch);
        assertThat(last).as("sequence returned by append").isEqualTo(read.getLast().sequence());
        assertThat(log.lastSequence()).as("the log's last sequence").isEqualTo(last);
        assertThat(read).extracting(LoggedEvent::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(log.readAfter(read.get(1).sequence(), 10)).extracting(LoggedEvent::event).containsExactly(batch.get(2), batch.get(3));
    }

    @Test
    void keepsEachAccountsFeedPreferences() {
        JdbiFeedPreferences store = new JdbiFeedPreferences(database().jdbi());
        Account ana = register("ana-prefs");
        FeedPreferences chosen = new FeedPreferences(FeedStrategy.FRESH_AND_FAIR, Map.of(Signal.POPULAR, 0.0, Signal.TASTE, 1.5));

        assertThat(store.find(ana.id())).as("before saving").isEmpty();
        store.save(ana.id(), FeedPreferences.defaults());
        store.save(ana.id(), chosen);
        assertThat(store.find(ana.id())).as("after saving twice").contains(chosen);
    }

    @Test
    void linksAVisitorToTheFirstAccountTheyMadeOnly() {
        JdbiVisitorLinks links = new JdbiVisitorLinks(database().jdbi());
        Account first = register("ana-joined");
        Account second = register("bo-joined");

        assertThat(links.link("visitor-links1", first.id())).as("first link of the visitor").isTrue();
        assertThat(links.link("visitor-links1", second.id())).as("the same visitor linked again").isFalse();
        assertThat(links.link("visitor-links2", first.id())).as("a second visitor of the same account").isTrue();
        assertThat(links.all()).as("every link").containsEntry("visitor-links1", first.id())
                .containsEntry("visitor-links2", first.id());
    }

    @Test
    void addsUpStatisticsFromAKnownRunOfEventsExactlyAndResumesAfterItsCheckpoint() {
        JdbiStatsStore store = new JdbiStatsStore(database().jdbi());
        String mine = RandomIds.id();
        String theirs = RandomIds.id();
        String clip = RandomIds.id();
        String other = RandomIds.id();
        String theirClip = RandomIds.id();
        Instant at = T0.plusSeconds(3600);
        List<UserEvent> run = List.of(
                stat(EventType.IMPRESSION, "ana", clip, mine, Surface.FOR_YOU, "KR", "ko", 0, at),
                stat(EventType.PLAY, "ana", clip, mine, Surface.FOR_YOU, "KR", "ko", 0, at),
                stat(EventType.PROGRESS, "ana", clip, mine, Surface.FOR_YOU, "KR", "ko", 4_500, at),
                stat(EventType.SKIP, "ana", clip, mine, Surface.FOR_YOU, "KR", "ko", 5_200, at),
                stat(EventType.IMPRESSION, "bo", clip, mine, Surface.SEARCH, "US", "en", 0, at.plusSeconds(60)),
                stat(EventType.PLAY, "bo", clip, mine, Surface.SEARCH, "US", "en", 0, at.plusSeconds(60)),
                stat(EventType.COMPLETE, "bo", clip, mine, Surface.SEARCH, "US", "en", 9_800, at.plusSeconds(70)),
                stat(EventType.PLAY, "ana", clip, mine, Surface.RELATED, "KR", "ko", 0, at.plusSeconds(120)),
                stat(EventType.PROGRESS, "ana", clip, mine, Surface.RELATED, "KR", "ko", 2_000, at.plusSeconds(122)),
                stat(EventType.LIKE, "bo", clip, mine, Surface.SEARCH, "US", "en", 0, at.plusSeconds(130)),
                stat(EventType.LIKE, "ana", clip, mine, Surface.RELATED, "KR", "ko", 0, at.plusSeconds(130)),
                stat(EventType.UNLIKE, "ana", clip, mine, Surface.RELATED, "KR", "ko", 0, at.plusSeconds(131)),
                stat(EventType.FOLLOW, "bo", clip, mine, Surface.SEARCH, "US", "en", 0, at.plusSeconds(132)),
                stat(EventType.FOLLOW, "visitor-cy", "", mine, Surface.CHANNEL, null, null, 0, at.plusSeconds(133)),
                stat(EventType.PLAY, "visitor-cy", other, mine, Surface.EXTERNAL, null, null, 0, at.plusSeconds(134)),
                stat(EventType.SHARE, "bo", clip, mine, Surface.SEARCH, "US", "en", 0, at.plusSeconds(135)),
                stat(EventType.COMMENT, "bo", clip, mine, Surface.SEARCH, "US", "en", 0, at.plusSeconds(136)),
                stat(EventType.IMPRESSION, "ana", theirClip, theirs, Surface.FOR_YOU, "KR", "ko", 0, at.plusSeconds(137)),
                stat(EventType.IMPRESSION, "bo", theirClip, theirs, Surface.FOR_YOU, "US", "en", 0, at.plusSeconds(138)),
                stat(EventType.IMPRESSION, "visitor-cy", theirClip, theirs, Surface.FOR_YOU, null, null, 0, at.plusSeconds(139)));
        // the database is shared with other tests, which may have moved the checkpoint already
        long start = store.checkpoint().offset(0);
        try (StatsAggregator first = new StatsAggregator(store, Duration.ofHours(1))) {
            assertThat(first.checkpoint()).as("checkpoint the aggregator starts from").isEqualTo(LogPosition.of(start));
            for (int i = 0; i < 7; i++) {
                first.accept(new LoggedEvent(start + i + 1, run.get(i)));
            }
            first.flush();
        }
        try (StatsAggregator second = new StatsAggregator(store, Duration.ofHours(1))) {
            assertThat(second.checkpoint()).as("checkpoint after the first seven events").isEqualTo(LogPosition.of(start + 7));
            for (int i = 0; i < run.size(); i++) {
                second.accept(new LoggedEvent(start + i + 1, run.get(i)));
            }
        }

        assertThatThrownBy(() -> store.add(new StatsDelta(), LogPosition.of(start + 7), LogPosition.of(start + 30)))
                .as("a write from a checkpoint another writer has moved on from").isInstanceOf(CheckpointMoved.class);
        assertThat(store.checkpoint()).as("checkpoint after the refused write").isEqualTo(LogPosition.of(start + run.size()));

        CreatorStats stats = new CreatorStats(store, () -> { }, new Exposure.FreshTerms(Duration.ofMinutes(30), 2),
                Clock.fixed(at.plusSeconds(300), ZoneOffset.UTC));
        VideoStats video = stats.video(clip, mine, 10_000);
        assertThat(video.totals()).as("totals of the clip").isEqualTo(new VideoTotals(clip, mine, 10_000, 3, 2, 2,
                5_200 + 10_000 + 2_000, 1, 1, 1, 1, 1));
        assertThat(video.retention()).as("share of the three views still watching at each second").containsExactly(
                new double[] {1, 1, 1, 2 / 3.0, 2 / 3.0, 2 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1 / 3.0}, within(1e-12));
        assertThat(video.sources()).as("traffic sources").containsOnly(entry(Surface.FOR_YOU, new StatsStore.Shown(1, 1)),
                entry(Surface.SEARCH, new StatsStore.Shown(1, 1)), entry(Surface.RELATED, new StatsStore.Shown(0, 1)));
        assertThat(video.countries()).as("views by country").containsExactly(entry("KR", 2L), entry("US", 1L));
        assertThat(video.languages()).as("views by language").containsExactly(entry("ko", 2L), entry("en", 1L));
        assertThat(video.lastHour()).as("views per minute, the last at %s", at.plusSeconds(300))
                .endsWith(1, 1, 1, 0, 0, 0).startsWith(0, 0);
        assertThat(video.similarMedian()).as("median retention of the channel's other 10 s video, played once and left at once")
                .containsExactly(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        ChannelStats channel = stats.channel(mine);
        assertThat(channel.sum().views()).as("views of the channel").isEqualTo(4);
        assertThat(channel.sum().uniqueViewers()).as("viewers of the channel, each once").isEqualTo(3);
        assertThat(channel.sum().followersGained()).as("followers from a video and from the channel page").isEqualTo(2);
        assertThat(channel.videos()).extracting(VideoTotals::videoId).as("most viewed first").containsExactly(clip, other);

        Exposure exposure = stats.exposure(mine, List.of(new Exposure.Published(clip, at.minusSeconds(60))));
        assertThat(exposure.forYouImpressions()).as("For You impressions of the channel").isEqualTo(1);
        assertThat(exposure.forYouShare()).as("share of all For You impressions").isEqualTo(0.25);
        assertThat(exposure.gini()).as("Gini of impressions 2 and 3").isCloseTo(0.1, within(1e-12));
        assertThat(exposure.standing()).as("standing with 2 of 5 impressions, the least shown")
                .isEqualTo(new Lorenz.Point(0, 0.4));
        assertThat(exposure.newVideos()).as("new-video guarantee").singleElement()
                .extracting(Exposure.Guarantee::impressions, Exposure.Guarantee::delivery)
                .containsExactly(2L, Exposure.Delivery.DELIVERED);

        InstanceDashboard instance = new InstanceStats(store, () -> { }, Clock.fixed(at.plusSeconds(300), ZoneOffset.UTC))
                .dashboard();
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        assertThat(instance.activeUsers()).as("active users per day").hasSize(30).containsEntry(day, 3L);
        assertThat(instance.giniByDay()).as("Gini of the day's impressions, 2 and 3").containsOnlyKeys(day);
        assertThat(instance.giniByDay().get(day)).isCloseTo(0.1, within(1e-12));
        assertThat(instance.lastHour()).as("plays of the whole instance per minute").endsWith(1, 1, 2, 0, 0, 0);
    }

    private static UserEvent stat(EventType type, String user, String video, String channel, Surface surface, String country,
            String language, long watchedMs, Instant at) {
        return new UserEvent(type, user, video, channel, surface, Optional.ofNullable(country), Optional.ofNullable(language),
                watchedMs, video.isEmpty() ? 0 : 10_000, at);
    }

    @Test
    void twoWritersOfTheSameTotalsAtOnceCountEachEventOnce() throws Exception {
        JdbiStatsStore store = new JdbiStatsStore(database().jdbi());
        Instant at = Instant.parse("2020-02-01T10:00:00Z");
        for (int round = 0; round < 5; round++) {
            String channel = RandomIds.id();
            String clip = RandomIds.id();
            long start = store.checkpoint().offset(0);
            List<StatsAggregator> writers = List.of(new StatsAggregator(store, Duration.ofHours(1)),
                    new StatsAggregator(store, Duration.ofHours(1)));
            for (StatsAggregator writer : writers) {
                writer.accept(new LoggedEvent(start + 1, stat(EventType.PLAY, "ana", clip, channel, Surface.FOR_YOU, "KR", "ko", 0, at)));
                writer.accept(new LoggedEvent(start + 2, stat(EventType.PLAY, "bo", clip, channel, Surface.FOR_YOU, "US", "en", 0, at)));
            }
            CyclicBarrier together = new CyclicBarrier(2);
            List<Future<?>> flushes = new ArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (StatsAggregator writer : writers) {
                    flushes.add(threads.submit(() -> {
                        together.await();
                        writer.flush();
                        return null;
                    }));
                }
                for (Future<?> flush : flushes) {
                    flush.get(30, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(store.video(clip)).map(VideoTotals::views).as("views of round %d's clip, written by whichever came first", round)
                    .contains(2L);
            assertThat(store.checkpoint()).as("checkpoint after round %d", round).isEqualTo(LogPosition.of(start + 2));
        }
    }

    @Test
    void forgetsMinutesAndDaysOlderThanAMonthBeforeTheNewestEventButKeepsTheTotals() {
        JdbiStatsStore store = new JdbiStatsStore(database().jdbi());
        String channel = RandomIds.id();
        String clip = RandomIds.id();
        // before the other tests' events, so that neither run's rows show in the other's reads
        Instant old = Instant.parse("2020-01-01T10:00:00Z");
        Instant recent = old.plus(Duration.ofDays(32));
        long start = store.checkpoint().offset(0);
        try (StatsAggregator aggregator = new StatsAggregator(store, Duration.ofHours(1))) {
            aggregator.accept(new LoggedEvent(start + 1, stat(EventType.PLAY, "ana", clip, channel, Surface.FOR_YOU, "KR", "ko", 0, old)));
            aggregator.flush();
            assertThat(store.minutes(StatsStore.Scope.video(clip), 0)).as("minutes after the old play").hasSize(1);
            aggregator.accept(new LoggedEvent(start + 2, stat(EventType.PLAY, "bo", clip, channel, Surface.FOR_YOU, "US", "en", 0,
                    recent)));
            aggregator.flush();
        }

        long recentMinute = recent.getEpochSecond() / 60;
        assertThat(store.minutes(StatsStore.Scope.video(clip), 0)).as("minutes kept, 32 days later")
                .containsOnlyKeys(recentMinute);
        assertThat(store.activeUsers(0)).as("active users kept, 32 days later").containsKey(recentMinute / 1440)
                .doesNotContainKey(old.getEpochSecond() / 86_400);
        assertThat(store.video(clip).orElseThrow().views()).as("views, which are kept for good").isEqualTo(2);
    }

    @Test
    void concurrentTipsAndTheirRetriesNeverLoseNorDuplicateMoney() throws Exception {
        Wallets wallets = new Wallets(new JdbiLedgerStore(database().jdbi()), Clock.systemUTC());
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            people.add(register("tipper" + i).id());
            wallets.topUp(people.getLast(), 10_000, "first-top-up");
            wallets.topUp(people.getLast(), 10_000, "first-top-up");
        }
        Random random = new Random(42);
        List<Callable<Optional<LedgerTransaction>>> tasks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String from = people.get(random.nextInt(people.size()));
            String to = people.get((people.indexOf(from) + 1 + random.nextInt(people.size() - 1)) % people.size());
            long amount = 1 + random.nextInt(1_500);
            String key = "tip-" + i;
            Callable<Optional<LedgerTransaction>> tip = () -> {
                try {
                    return Optional.of(wallets.tip(from, to, "video", amount, "", key));
                } catch (InsufficientFunds e) {
                    return Optional.empty();
                }
            };
            tasks.add(tip);
            tasks.add(tip);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, LedgerTransaction> posted = new HashMap<>();
        try {
            List<Future<Optional<LedgerTransaction>>> done = pool.invokeAll(tasks);
            for (int i = 0; i < done.size(); i += 2) {
                Optional<LedgerTransaction> first = done.get(i).get();
                Optional<LedgerTransaction> retry = done.get(i + 1).get();
                if (first.isPresent() && retry.isPresent()) {
                    assertThat(retry.get().id()).as("the retry of tip %s gets the first one back", i / 2)
                            .isEqualTo(first.get().id());
                }
                first.or(() -> retry).ifPresent(t -> posted.put(t.id(), t));
            }
        } finally {
            pool.shutdown();
        }

        Map<String, Long> expected = new HashMap<>();
        people.forEach(p -> expected.put(p, 10_000L));
        for (LedgerTransaction t : posted.values()) {
            for (Posting p : t.postings()) {
                expected.merge(p.account().id().substring("wallet:".length()), p.amountMinor(), Long::sum);
            }
        }
        JdbiLedgerStore store = new JdbiLedgerStore(database().jdbi());
        Instant later = Instant.now().plusSeconds(60);
        long total = 0;
        for (String p : people) {
            long balance = wallets.balance(p);
            total += balance;
            assertThat(balance).as("balance of %s against the tips that were posted", p).isEqualTo(expected.get(p))
                    .isNotNegative().isEqualTo(store.sumOfEntries(LedgerAccount.wallet(p), later));
        }
        assertThat(total).as("money in the wallets: what was topped up, once per key").isEqualTo(60_000);
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        long tipLines = people.stream().flatMap(p -> wallets.statement(p, month).lines().stream())
                .filter(l -> l.transaction().kind() == TransactionKind.TIP).count();
        assertThat(tipLines).as("tip lines in all statements: each tip posted once, seen by two wallets")
                .isEqualTo(2L * posted.size());
        assertThat(posted).as("tips posted, each task twice with one key").hasSizeBetween(100, 300);
        assertThatThrownBy(() -> wallets.topUp(people.getFirst(), 5_000, "first-top-up"))
                .as("a key used again for another amount").isInstanceOf(IdempotencyKeyReused.class);
    }

    @Test
    void aMonthlyStatementRunsFromItsOpeningBalanceThroughEachTransaction() {
        String viewer = register("payer").id();
        String creator = register("earner").id();
        SetClock clock = new SetClock(Instant.parse("2026-10-31T23:00:00Z"));
        Wallets wallets = new Wallets(new JdbiLedgerStore(database().jdbi()), clock);
        wallets.topUp(viewer, 5_000, "october");
        clock.set(Instant.parse("2026-11-02T10:00:00Z"));
        wallets.tip(viewer, creator, "clip1", 1_250, "Great, \"really\"", "t1");
        clock.set(Instant.parse("2026-11-03T10:00:00Z"));
        wallets.tip(viewer, creator, "clip2", 5, "=1+1", "t2");
        assertThatThrownBy(() -> wallets.tip(viewer, creator, "clip2", 5, "two\r\nlines", "t3"))
                .as("a message with a line break").isInstanceOf(InvalidInput.class);

        Statement november = wallets.statement(viewer, YearMonth.of(2026, 11));
        assertThat(november.openingMinor()).as("opening balance of November").isEqualTo(5_000);
        assertThat(november.closingMinor()).as("closing balance of November").isEqualTo(3_745);
        assertThat(november.csv().split("\r\n")).as("November's CSV").containsExactly(
                "date,transaction,kind,video,memo,amount_PDC,balance_PDC",
                "2026-11-01,,opening,,,,50.00",
                "2026-11-02T10:00:00Z," + november.lines().get(0).transaction().id() + ",tip,clip1,\"Great, \"\"really\"\"\",-12.50,37.50",
                "2026-11-03T10:00:00Z," + november.lines().get(1).transaction().id() + ",tip,clip2,'=1+1,-0.05,37.45",
                "2026-11-30,,closing,,,,37.45");
        Statement earned = wallets.statement(creator, YearMonth.of(2026, 11));
        assertThat(earned.tipsReceivedMinor()).as("the creator's earnings").isEqualTo(1_255);
        clock.set(Instant.parse("2026-11-04T10:00:00Z"));
        wallets.tip(viewer, creator, "clip2", 5, "again", "t4");
        Earnings perVideo = wallets.earnings(creator, YearMonth.of(2026, 11));
        assertThat(perVideo.byVideo()).as("the creator's earnings per video")
                .containsExactly(new Earnings.VideoTips("clip1", 1, 1_250), new Earnings.VideoTips("clip2", 2, 10));
        assertThat(perVideo.amountMinor()).as("the same as the statement's").isEqualTo(
                wallets.statement(creator, YearMonth.of(2026, 11)).tipsReceivedMinor());
        assertThat(wallets.earnings(creator, YearMonth.of(2026, 10)).byVideo()).as("October's earnings").isEmpty();
        assertThat(wallets.earnings(viewer, YearMonth.of(2026, 11)).byVideo()).as("a tipper earned nothing").isEmpty();
    }

    @Test
    void offersOnlyReadyVideosAsCandidates() {
        JdbiCandidateSource source = new JdbiCandidateSource(database().jdbi());
        Account ana = register("ana");
        Account bo = register("bo");
        Channel channel = defaultChannel(ana);
        Instant now = Instant.now();
        Video ready = video(channel, now.minusSeconds(5), VideoStatus.READY);
        Video processing = video(channel, now.minusSeconds(4), VideoStatus.PROCESSING);
        new JdbiChannelRepository(database().jdbi()).follow(bo.id(), channel.id(), T0);

        assertThat(source.recent(now, 1000)).extracting(c -> c.videoId()).contains(ready.id()).doesNotContain(processing.id());
        assertThat(source.followedCreators(bo.id())).containsExactly(channel.id());
        assertThat(source.fromCreators(List.of(channel.id()), Keyset.start().at(), "", 10)).extracting(c -> c.videoId())
                .containsExactly(ready.id());
    }

    @Test
    void keepsTagsInTheCreatorsOrderAndCountsTheirUseAcrossTheInstance() {
        JdbiTagRepository tags = new JdbiTagRepository(database().jdbi());
        Channel channel = defaultChannel(register("ana-tags"));
        Video soup = video(channel, T0, VideoStatus.READY);
        Video bread = video(channel, T0.plusSeconds(1), VideoStatus.READY);

        tags.replace(soup.id(), List.of("soup", "cooking", "winter"));
        tags.replace(bread.id(), List.of("baking", "cooking"));
        tags.replace(bread.id(), List.of("baking", "cooking", "bread"));
        assertThat(tags.tags(soup.id())).as("in the creator's order").containsExactly("soup", "cooking", "winter");
        assertThat(tags.tags(bread.id())).as("after a second replace").containsExactly("baking", "cooking", "bread");
        assertThat(tags.vocabulary(10)).as("most used first, then by name").startsWith("cooking").hasSize(5);
        assertThat(tags.vocabulary(2)).hasSize(2);

        VideoText text = new JdbiAnalysisStore(database().jdbi()).videoText(soup.id());
        assertThat(text.tags()).as("the analysis reads the video's tags").containsExactlyInAnyOrder("soup", "cooking", "winter");
        assertThat(text.title()).isEqualTo(soup.title());
        assertThat(new JdbiCandidateSource(database().jdbi()).recent(T0.plusSeconds(10), 10))
                .filteredOn(c -> c.videoId().equals(soup.id())).singleElement()
                .satisfies(c -> assertThat(c.text()).as("the recommender reads the tags with the title").endsWith("soup, cooking, winter"));
        tags.replace(soup.id(), List.of());
        assertThat(tags.tags(soup.id())).isEmpty();
    }

    @Test
    void keepsEachVideosAnalysisAndTheCreatorsCaptionsThroughAReanalysis() {
        JdbiAnalysisStore store = new JdbiAnalysisStore(database().jdbi());
        Video video = video(defaultChannel(register("ana-analysis")), T0, VideoStatus.READY);
        assertThat(store.find(video.id())).as("before any analysis").isEmpty();

        store.step(video.id(), Step.SPEECH, StepState.WAITING);
        store.step(video.id(), Step.SPEECH, StepState.running(0.4));
        store.step(video.id(), Step.SCENES, StepState.failed("ffmpeg exited with status 1"));
        VideoAnalysis started = store.find(video.id()).orElseThrow();
        assertThat(started.steps()).as("steps as last recorded").containsEntry(Step.SPEECH, StepState.running(0.4))
                .containsEntry(Step.SCENES, StepState.failed("ffmpeg exited with status 1"));
        assertThat(started.transcript().isEmpty()).as("nothing found yet").isTrue();

        Transcript said = new Transcript("en", List.of(new Word("ask", 0.5, 0.8, 0.9), new Word("not", 0.9, 1.2, 1.0)));
        Topics topics = new Topics(Optional.of("ko"), new float[] {0.6f, -0.8f}, List.of(new SuggestedTag("politics", 0.42)));
        VisualFindings seen = new VisualFindings(List.of(new FrameFindings(0, 0.01, 0, 0), new FrameFindings(1, 0.12, 2, 0.25)),
                Optional.of(new PictureFindings(0.05, 1, 0.4)), new ImageEmbedding(new float[] {0.5f, 1.25f, 0}));
        FileAnalysis found = new FileAnalysis(12, true, Optional.of("en"), OptionalDouble.of(-21.5), OptionalDouble.of(-14.1),
                said, List.of(new TimeRange(0.45, 1.25)), List.of(new Cue(0.5, 1.2, "ask not")), List.of(new SlidePage(0, 12, "ask not", 1)),
                topics, Optional.of(seen), List.of("a note"), Map.of());
        store.save(video.id(), found);
        VideoAnalysis saved = store.find(video.id()).orElseThrow();
        assertThat(saved.transcript()).isEqualTo(said);
        assertThat(saved.captions()).containsExactly(new Cue(0.5, 1.2, "ask not"));
        assertThat(saved.pages()).containsExactly(new SlidePage(0, 12, "ask not", 1));
        assertThat(saved.loudnessLufs()).isEqualTo(OptionalDouble.of(-21.5));
        assertThat(saved.normalisedLufs()).isEqualTo(OptionalDouble.of(-14.1));
        assertThat(saved.notes()).containsExactly("a note");
        assertThat(saved.visual()).as("each frame's and the poster's findings and the image embedding").contains(seen);
        assertThat(saved.topics()).as("written language, text embedding and suggested tags").isEqualTo(topics);
        assertThat(started.topics()).as("no topics before the analysis").isEqualTo(Topics.NONE);
        assertThat(new JdbiVideoEmbeddings(database().jdbi()).of(List.of(video.id(), "never-analysed"))).as("embeddings for the content index")
                .containsExactly(Map.entry(video.id(), new VideoEmbeddings.Embeddings(new float[] {0.6f, -0.8f}, new float[] {0.5f, 1.25f, 0})));
        assertThat(new JdbiCandidateSource(database().jdbi()).recent(T0.plusSeconds(10), 100))
                .filteredOn(c -> c.videoId().equals(video.id())).singleElement()
                .satisfies(c -> assertThat(c.analysedAt()).as("when the analysis was stored").isPositive());
        Optional<Integer> facesColumn = database().jdbi().withHandle(h -> h.createQuery(
                        "select faces_found from video_analysis where video_id = :video and nsfw_max > 0.1 and nsfw_max_at = 1")
                .bind("video", video.id()).mapTo(Integer.class).findOne());
        assertThat(facesColumn).as("the summary in columns of its own, for moderation queries").contains(2);
        assertThat(started.visual()).as("nothing seen before the visual step").isEmpty();
        assertThat(saved.captionsEdited()).isFalse();

        store.editCaptions(video.id(), List.of(new Cue(0.4, 1.3, "Ask not!")));
        store.save(video.id(), found);
        VideoAnalysis again = store.find(video.id()).orElseThrow();
        assertThat(again.captions()).as("the creator's captions survive a re-analysis").containsExactly(new Cue(0.4, 1.3, "Ask not!"));
        assertThat(again.captionsEdited()).isTrue();

        Video never = video(defaultChannel(register("ana-captions")), T0, VideoStatus.READY);
        store.editCaptions(never.id(), List.of(new Cue(1, 2, "typed by hand")));
        assertThat(store.find(never.id()).orElseThrow().captions()).as("captions of a video never analysed")
                .containsExactly(new Cue(1, 2, "typed by hand"));
    }

    @Test
    void notesOfChangedVideosAreReadInOrderOnceSettledAndForgottenWhenOld() {
        JdbiSearchSource source = new JdbiSearchSource(database().jdbi());
        long start = source.lastNoted();
        source.note("noted-1", "node-a");
        source.note("noted-2", "node-b");
        Instant later = Instant.now().plusSeconds(60);

        assertThat(source.lastNoted()).as("the newest note's position").isGreaterThan(start);
        assertThat(source.notedAfter(start, later, "node-c", 10)).extracting(NotedChange::videoId)
                .as("notes after the start, in order").containsExactly("noted-1", "noted-2");
        assertThat(source.notedAfter(start, later, "node-a", 10)).extracting(NotedChange::videoId)
                .as("what node A reads: the others' notes").containsExactly("noted-2");
        assertThat(source.notedAfter(start, later, "node-c", 1)).extracting(NotedChange::videoId).as("at most one")
                .containsExactly("noted-1");
        assertThat(source.notedAfter(start, Instant.now().minusSeconds(60), "node-c", 10)).as("notes made before a minute ago")
                .isEmpty();
        source.forgetNotedBefore(later);
        assertThat(source.notedAfter(0, later, "node-c", 10)).as("notes after they were forgotten").isEmpty();
    }

    @Test
    void readsOnlyPublicVideosForSearchWithTagsChannelCaptionsAndLanguages() {
        JdbiSearchSource source = new JdbiSearchSource(database().jdbi(), 2);
        Account ana = register("ana-search");
        Channel channel = defaultChannel(ana);
        Video said = video(channel, T0, VideoStatus.READY);
        Video written = video(channel, T0.plusSeconds(1), VideoStatus.READY);
        Video third = video(channel, T0.plusSeconds(2), VideoStatus.READY);
        Video processing = video(channel, T0.plusSeconds(3), VideoStatus.PROCESSING);
        Video failed = video(channel, T0.plusSeconds(4), VideoStatus.FAILED);
        // the first ids in key order, so that a whole page of two is of videos search may not show
        Video firstInOrder = video("000000000000", channel, T0.plusSeconds(5), VideoStatus.PROCESSING);
        Video secondInOrder = video("000000000001", channel, T0.plusSeconds(6), VideoStatus.FAILED);
        new JdbiTagRepository(database().jdbi()).replace(said.id(), List.of("speeches", "history"));
        Topics topics = new Topics(Optional.of("ko"), new float[0], List.of());
        new JdbiAnalysisStore(database().jdbi()).save(said.id(), new FileAnalysis(12, true, Optional.of("en"),
                OptionalDouble.empty(), OptionalDouble.empty(), new Transcript("en", List.of()), List.of(),
                List.of(new Cue(0.5, 1.2, "ask not"), new Cue(2.1, 4, "what your country can do")), List.of(), topics,
                Optional.empty(), List.of(), Map.of()));

        assertThat(source.searchable(said.id())).as("a ready, analysed, tagged video").hasValueSatisfying(v -> {
            assertThat(v.title()).isEqualTo(said.title());
            assertThat(v.tags()).as("tags in the creator's order").containsExactly("speeches", "history");
            assertThat(v.channelHandle()).isEqualTo(channel.handle());
            assertThat(v.channelName()).isEqualTo(channel.displayName());
            assertThat(v.durationMs()).isEqualTo(said.durationMs());
            assertThat(v.publishedAt()).isEqualTo(T0);
            assertThat(v.transcript()).as("the caption cues")
                    .containsExactly(new TranscriptCue(0.5, 1.2, "ask not"), new TranscriptCue(2.1, 4, "what your country can do"));
            assertThat(v.languages()).as("the written and the spoken language").containsExactlyInAnyOrder("ko", "en");
        });
        assertThat(source.searchable(written.id())).as("a ready video never analysed").hasValueSatisfying(v -> {
            assertThat(v.transcript()).isEmpty();
            assertThat(v.tags()).isEmpty();
            assertThat(v.languages()).as("the creator's language, known from the profile").containsExactly("ko");
        });
        assertThat(source.searchable(processing.id())).as("a video in processing").isEmpty();
        assertThat(source.searchable(failed.id())).as("a failed video").isEmpty();
        assertThat(source.searchable("no-such-video")).isEmpty();
        assertThat(source.stillSearchable(List.of(said.id(), processing.id(), failed.id(), third.id(), "no-such-video")))
                .as("of some videos, those that may be found").containsExactlyInAnyOrder(said.id(), third.id());
        assertThat(source.stillSearchable(List.of())).isEmpty();

        List<String> all = new ArrayList<>();
        source.forEachSearchable(v -> all.add(v.id()));
        assertThat(all).as("every searchable video, read two at a time, the first two none of them").doesNotHaveDuplicates()
                .contains(said.id(), written.id(), third.id())
                .doesNotContain(processing.id(), failed.id(), firstInOrder.id(), secondInOrder.id())
                .hasSize((int) source.countSearchable());
        List<SearchableVideo> read = new ArrayList<>();
        new JdbiSearchSource(database().jdbi()).forEachSearchable(read::add);
        assertThat(read).as("read in the default batches").filteredOn(v -> v.id().equals(said.id())).singleElement()
                .satisfies(v -> assertThat(v.tags()).as("tags of a video read among all").containsExactly("speeches", "history"));

        JdbiVideoRepository videos = new JdbiVideoRepository(database().jdbi());
        videos.updatePublication(third.id(), Publication.HELD);
        assertThat(source.searchable(third.id())).as("a ready video held for review").isEmpty();
        assertThat(source.stillSearchable(List.of(third.id()))).as("a ready video held for review").isEmpty();
        videos.updatePublication(third.id(), Publication.APPROVED);
        assertThat(source.searchable(third.id())).as("a held video a moderator approved").isPresent();
        videos.updatePublication(third.id(), Publication.REJECTED);
        assertThat(source.stillSearchable(List.of(third.id()))).as("a rejected video").isEmpty();
        videos.updatePublication(written.id(), Publication.CHECKING);
        assertThat(source.searchable(written.id())).as("a ready video whose pictures are still being checked").isEmpty();
        long held = source.countSearchable();
        videos.updatePublication(written.id(), Publication.PUBLISHED);
        assertThat(source.countSearchable()).as("the count once a video is published").isEqualTo(held + 1);
    }

    /** A clock that stands where it is set. */
    private static final class SetClock extends Clock {
        private volatile Instant now;

        SetClock(Instant now) {
            this.now = now;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
