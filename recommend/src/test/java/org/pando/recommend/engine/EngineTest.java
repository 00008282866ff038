package org.pando.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.events.EventLog;
import org.pando.events.EventType;
import org.pando.events.LogPosition;
import org.pando.events.LoggedEvent;
import org.pando.events.Surface;
import org.pando.events.UserEvent;
import org.pando.recommend.Candidate;
import org.pando.recommend.ContentIndex;
import org.pando.recommend.Contribution;
import org.pando.recommend.EngineSettings;
import org.pando.recommend.FeedItem;
import org.pando.recommend.FeedPage;
import org.pando.recommend.FeedPreferences;
import org.pando.recommend.FeedRequest;
import org.pando.recommend.FeedStrategy;
import org.pando.recommend.Signal;
import org.pando.recommend.Viewer;
import org.pando.recommend.VisitorLinks;
import org.pando.recommend.VisitorSignUps;

class EngineTest {
    private static final Instant START = Instant.parse("2026-06-01T12:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final ListedCandidates source = new ListedCandidates();
    private Engine engine = engine(EngineSettings.defaults());
    private long sequence;

    @AfterEach
    void close() {
        engine.close();
    }

    private Engine engine(EngineSettings settings) {
        return new Engine(source, new LuceneContentIndex(), noExploration(settings), clock, new SplittableRandom(7));
    }

    private static EngineSettings noExploration(EngineSettings s) {
        return withExploration(s, 0);
    }

    private static EngineSettings withExploration(EngineSettings s, double rate) {
        return new EngineSettings(s.catalogRefresh(), s.catalogLimit(), s.trendingHalfLife(), s.refitInterval(),
                s.refitMinEvents(), s.factors(), s.easeHead(), s.freshWindow(), s.freshImpressions(), s.maxCreatorPerSlate(),
                s.dailyCreatorShare(), s.topShareCap(), s.localFloor(), rate, s.perSource(), s.maxVisitors(), s.checkpointEvery(), s.offlineModels());
    }

    private void video(String id, String creator, Duration age, String country, String text) {
        source.videos.add(new Candidate(id, creator, clock.instant().minus(age), 60_000, Optional.of(country),
                Optional.of("en"), text));
    }

    private void event(EventType type, String user, String video, long watchedMs) {
        String creator = source.videos.stream().filter(c -> c.videoId().equals(video)).findFirst().map(Candidate::creatorId)
                .orElse("nobody");
        LoggedEvent logged = new LoggedEvent(++sequence, new UserEvent(type, user, video, creator, Surface.FOR_YOU,
                Optional.of("KR"), Optional.of("en"), watchedMs, 60_000, clock.instant()));
        log.add(logged);
        engine.accept(logged);
    }

    /** The events applied so far, as the log holds them. */
    private final List<LoggedEvent> log = new ArrayList<>();
    private final EventLog eventLog = new EventLog() {
        @Override
        public long append(List<UserEvent> events) {
            throw new UnsupportedOperationException("the test appends through event()");
        }

        @Override
        public long lastSequence() {
            return log.size();
        }

        @Override
        public List<LoggedEvent> readAfter(long after, int max) {
            return List.copyOf(log.subList((int) Math.min(after, log.size()), (int) Math.min(log.size(), after + max)));
        }
    };

    private void finish(String user, String video) {
        event(EventType.PLAY, user, video, 0);
        event(EventType.COMPLETE, user, video, 60_000);
    }

    private FeedPage forYou(String user, Optional<String> cursor, int limit) {
        return engine.recommend(new FeedRequest(viewer(user), Surface.FOR_YOU, cursor, limit));
    }

    private static Viewer viewer(String user) {
        return new Viewer(Optional.of(user), Optional.of("KR"), List.of("en"));
    }

    private void catalogue(int perTopic) {
        for (int i = 0; i < perTopic; i++) {
            video("cook-" + i, "chef-" + i, Duration.ofDays(3 + i), "KR", "cooking recipe kitchen pasta dinner " + i);
            video("game-" + i, "gamer-" + i, Duration.ofDays(3 + i), "KR", "gaming speedrun console boss level " + i);
            video("dance-" + i, "dancer-" + i, Duration.ofDays(3 + i), "KR", "dance choreography music studio " + i);
        }
        engine.refreshCatalog();
    }

    @Test
    void afterThreeFinishedCookingVideosTheNextPageIsMostlyCooking() {
        catalogue(10);
        List<String> before = forYou("ana", Optional.empty(), 10).videoIds();
        finish("ana", "cook-0");
        finish("ana", "cook-1");
        finish("ana", "cook-2");

        List<String> after = forYou("ana", Optional.empty(), 10).videoIds();

        long cookingBefore = before.stream().filter(id -> id.startsWith("cook")).count();
        long cookingAfter = after.stream().filter(id -> id.startsWith("cook")).count();
        assertThat(cookingAfter).as("cooking videos on the page after finishing three: %s (before: %s)", after, before)
                .isGreaterThanOrEqualTo(5).isGreaterThan(cookingBefore);
        assertThat(after).as("finished videos are not shown again").doesNotContain("cook-0", "cook-1", "cook-2");
    }

    @Test
    void aViewersEventIsAppliedWhileAFeedForThemIsBeingScored() throws Exception {
        CountDownLatch scoring = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LuceneContentIndex words = new LuceneContentIndex();
        ContentIndex held = new ContentIndex() {
            @Override
            public void sync(Collection<Candidate> videos) {
                words.sync(videos);
            }

            @Override
            public Map<String, Match> similar(Map<String, Double> seeds, int limit) {
                scoring.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return words.similar(seeds, limit);
            }

            @Override
            public Set<String> nearDuplicates(String videoId) {
                return words.nearDuplicates(videoId);
            }

            @Override
            public void close() {
                words.close();
            }
        };
        engine.close();
        engine = new Engine(source, held, noExploration(EngineSettings.defaults()), clock, new SplittableRandom(7));
        catalogue(10);
        finish("ana", "cook-0");
        ExecutorService requests = Executors.newSingleThreadExecutor();
        ExecutorService events = Executors.newSingleThreadExecutor();
        try {
            Future<FeedPage> page = requests.submit(() -> forYou("ana", Optional.empty(), 10));
            assertThat(scoring.await(30, TimeUnit.SECONDS)).as("the feed reached content similarity").isTrue();

            // the thread applying events must not wait for the feed: every other viewer's events queue behind it
            assertThat(events.submit(() -> finish("ana", "cook-1"))).as("applying the viewer's event while their feed is scored")
                    .succeedsWithin(Duration.ofSeconds(10));
            assertThat(engine.appliedPosition().total()).as("events applied while the feed was being scored").isEqualTo(sequence);

            release.countDown();
            assertThat(page.get(30, TimeUnit.SECONDS).videoIds()).as("the feed, once scored").isNotEmpty();
        } finally {
            release.countDown();
            requests.shutdownNow();
            events.shutdownNow();
        }
    }

    @Test
    void afterARestartAVisitorsReplayedWatchingCountsForTheAccountTheyMade() {
        catalogue(10);
        String visitor = UserEvent.VISITOR_PREFIX + "cook";
        Map<String, String> kept = new HashMap<>();
        VisitorLinks links = new VisitorLinks() {
            @Override
            public boolean link(String visitorId, String accountId) {
                return kept.putIfAbsent(visitorId, accountId) == null;
            }

            @Override
            public Map<String, String> all() {
                return Map.copyOf(kept);
            }
        };
        new VisitorSignUps(links, engine).signedUp(visitor, "ana");
        engine.close();
        engine = engine(EngineSettings.defaults());
        engine.refreshCatalog();

        new VisitorSignUps(links, engine).restore();
        finish(visitor, "cook-0");
        finish(visitor, "cook-1");
        finish(visitor, "cook-2");

        List<String> page = forYou("ana", Optional.empty(), 10).videoIds();
        assertThat(page.stream().filter(id -> id.startsWith("cook")).count())
                .as("cooking videos on the account's page after its visitor finished three, replayed: %s", page)
                .isGreaterThanOrEqualTo(5);
        assertThat(page).as("what the visitor finished is not shown again").doesNotContain("cook-0", "cook-1", "cook-2");
    }

    @Test
    void onlyTheMostRecentlyActiveVisitorsAreRememberedWhileAccountsAllAre() {
        engine.close();
        EngineSettings d = EngineSettings.defaults();
        engine = engine(new EngineSettings(d.catalogRefresh(), d.catalogLimit(), d.trendingHalfLife(), d.refitInterval(),
                d.refitMinEvents(), d.factors(), d.easeHead(), d.freshWindow(), d.freshImpressions(), d.maxCreatorPerSlate(),
                d.dailyCreatorShare(), d.topShareCap(), d.localFloor(), 0, d.perSource(), 2, d.checkpointEvery(), d.offlineModels()));
        catalogue(3);
        String first = UserEvent.VISITOR_PREFIX + "first";
        event(EventType.NOT_INTERESTED, first, "cook-0", 0);
        event(EventType.NOT_INTERESTED, "ana", "cook-0", 0);
        assertThat(visitorsPage(first)).as("the visitor's page right after 'not interested'").doesNotContain("cook-0");

        event(EventType.PLAY, UserEvent.VISITOR_PREFIX + "second", "game-0", 0);
        event(EventType.PLAY, UserEvent.VISITOR_PREFIX + "third", "game-1", 0);

        assertThat(engine.visitorsKept()).as("visitors kept with recommend.max-visitors = 2").isEqualTo(2);
        assertThat(visitorsPage(first)).as("the longest idle visitor was forgotten and starts afresh").contains("cook-0");
        assertThat(forYou("ana", Optional.empty(), 10).videoIds()).as("an account is never forgotten").doesNotContain("cook-0");
    }

    private List<String> visitorsPage(String visitor) {
        Viewer viewer = new Viewer(Optional.empty(), Optional.of(visitor), Optional.of("KR"), List.of("en"));
        return engine.recommend(new FeedRequest(viewer, Surface.FOR_YOU, Optional.empty(), 10)).videoIds();
    }

    @Test
    void viewersWithDifferentHistoriesGetDifferentFeeds() {
        catalogue(10);
        finish("ana", "cook-0");
        finish("ana", "cook-1");
        finish("bo", "game-0");
        finish("bo", "game-1");

        List<String> ana = forYou("ana", Optional.empty(), 5).videoIds();
        List<String> bo = forYou("bo", Optional.empty(), 5).videoIds();

        assertThat(ana).as("ana's page against bo's %s", bo).isNotEqualTo(bo);
        assertThat(ana.stream().filter(id -> id.startsWith("cook"))).as("ana's page %s", ana).hasSizeGreaterThanOrEqualTo(3);
        assertThat(bo.stream().filter(id -> id.startsWith("game"))).as("bo's page %s", bo).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void coWatchingPullsInWhatOthersFinishedAfterTheSameVideo() {
        catalogue(3);
        for (String other : List.of("u1", "u2", "u3")) {
            finish(other, "dance-0");
            finish(other, "game-2");
        }
        finish("ana", "dance-0");

        FeedItem top = forYou("ana", Optional.empty(), 3).items().getFirst();

        assertThat(top.videoId()).as("first of ana's page, why: %s", top.why()).isEqualTo("game-2");
        assertThat(top.why()).as("why").anySatisfy(c -> {
            assertThat(c.signal()).isEqualTo(Signal.CO_WATCHED);
            assertThat(c.because()).contains("dance-0");
        });
    }

    @Test
    void onlyTheValuedVideosKeptOfAViewerSeedCoWatching() {
        catalogue(1);
        int older = 10;
        for (int i = 0; i < older + ValuedVideos.MAX; i++) {
            video("seen-" + i, "maker-" + i, Duration.ofDays(20), "KR", "seen " + i);
        }
        video("after-old", "other-1", Duration.ofDays(10), "KR", "partner of an old favourite");
        video("after-new", "other-2", Duration.ofDays(10), "KR", "partner of a new favourite");
        engine.refreshCatalog();
        for (String other : List.of("u1", "u2", "u3")) {
            finish(other, "seen-0");
            finish(other, "after-old");
        }
        for (String other : List.of("u4", "u5", "u6")) {
            finish(other, "seen-" + (older + ValuedVideos.MAX - 1));
            finish(other, "after-new");
        }
        for (int i = 0; i < older + ValuedVideos.MAX; i++) {
            finish("ana", "seen-" + i);
        }

        List<FeedItem> page = forYou("ana", Optional.empty(), 10).items();

        assertThat(page).as("ana's page").anySatisfy(item -> {
            assertThat(item.videoId()).isEqualTo("after-new");
            assertThat(item.why()).as("why after-new").anyMatch(c -> c.signal() == Signal.CO_WATCHED);
        });
        assertThat(page).as("ana's page: what goes with a favourite older than her latest %d does not come as co-watched",
                ValuedVideos.MAX).noneSatisfy(item -> {
                    assertThat(item.videoId()).isEqualTo("after-old");
                    assertThat(item.why()).anyMatch(c -> c.signal() == Signal.CO_WATCHED);
                });
        Set<String> kept = new HashSet<>();
        for (int i = older; i < older + ValuedVideos.MAX; i++) {
            kept.add("seen-" + i);
        }
        assertThat(page).as("ana's page: none of the %d videos she valued comes back as co-watched", kept.size())
                .noneSatisfy(item -> {
                    assertThat(kept).contains(item.videoId());
                    assertThat(item.why()).anyMatch(c -> c.signal() == Signal.CO_WATCHED);
                });
    }

    @Test
    void anEngineRestoredFromACheckpointServesWhatTheOneThatWroteItServedAndGoesOnFromThere(@TempDir Path dir) {
        catalogue(6);
        finish("ana", "cook-0");
        finish("ana", "cook-1");
        event(EventType.LIKE, "ana", "cook-2", 0);
        finish("bo", "game-0");
        event(EventType.NOT_INTERESTED, "bo", "game-1", 0);
        event(EventType.FOLLOW, "bo", "", 0);
        for (String other : List.of("u1", "u2")) {
            finish(other, "cook-0");
            finish(other, "dance-3");
        }
        forYou("cy", Optional.empty(), 10);
        engine.refit();
        Path file = dir.resolve("checkpoint.bin");
        engine.checkpoint(file);
        Map<String, List<String>> before = pages("ana", "bo", "cy");
        assertThat(forYou("ana", Optional.empty(), 10).items()).as("ana's page before, with taste from the fit")
                .anySatisfy(item -> assertThat(item.why()).anyMatch(c -> c.signal() == Signal.TASTE));

        Engine restored = engine(EngineSettings.defaults());
        LogPosition after = restored.restore(file, eventLog);
        restored.refreshCatalog();

        assertThat(after).as("the position to read on from").isEqualTo(LogPosition.of(sequence));
        assertThat(restored.appliedPosition()).as("applied, as the writer had").isEqualTo(LogPosition.of(sequence));
        Engine writer = engine;
        engine = restored;
        assertThat(pages("ana", "bo", "cy")).as("the restored engine's pages against the writer's").isEqualTo(before);
        assertThat(forYou("ana", Optional.empty(), 10).items()).as("ana's page after, with the fit restored")
                .anySatisfy(item -> assertThat(item.why()).anyMatch(c -> c.signal() == Signal.TASTE));

        finish("ana", "dance-3");
        log.subList(log.size() - 2, log.size()).forEach(writer::accept);
        Map<String, List<String>> restoredAfter = pages("ana", "bo", "cy");
        engine = writer;
        assertThat(restoredAfter).as("pages after one more view applied to both").isEqualTo(pages("ana", "bo", "cy"));
        assertThat(restoredAfter.get("ana")).as("ana's page after she finished dance-3").doesNotContain("dance-3");
        restored.close();
    }

    @Test
    void aCheckpointThatIsDamagedOrOfAnotherLogIsNotRead(@TempDir Path dir) throws IOException {
        catalogue(3);
        finish("ana", "cook-0");
        Path file = dir.resolve("checkpoint.bin");
        engine.checkpoint(file);

        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x40;
        Path damaged = Files.write(dir.resolve("damaged.bin"), bytes);
        try (Engine fresh = engine(EngineSettings.defaults())) {
            assertThat(fresh.restore(damaged, eventLog)).as("a damaged checkpoint").isEqualTo(LogPosition.START);
            assertThat(fresh.appliedPosition()).as("nothing read from it").isEqualTo(LogPosition.START);
        }

        log.set(log.size() - 1, new LoggedEvent(sequence, new UserEvent(EventType.SKIP, "someone-else", "cook-1", "chef-1",
                Surface.FOR_YOU, Optional.empty(), Optional.empty(), 0, 60_000, clock.instant())));
        try (Engine fresh = engine(EngineSettings.defaults())) {
            assertThat(fresh.restore(file, eventLog)).as("a checkpoint whose last event is not the log's")
                    .isEqualTo(LogPosition.START);
        }
        try (Engine fresh = engine(EngineSettings.defaults())) {
            assertThat(fresh.restore(dir.resolve("none.bin"), eventLog)).as("no checkpoint").isEqualTo(LogPosition.START);
        }
    }

    private Map<String, List<String>> pages(String... users) {
        Map<String, List<String>> pages = new HashMap<>();
        for (String user : users) {
            pages.put(user, forYou(user, Optional.empty(), 10).videoIds());
        }
        return pages;
    }

    @Test
    void everyScoreIsExactlyTheSumOfTheReasonsShown() {
        catalogue(5);
        finish("ana", "cook-0");
        event(EventType.LIKE, "ana", "cook-1", 0);
        engine.refit();

        for (FeedItem item : forYou("ana", Optional.empty(), 12).items()) {
            double sum = item.why().stream().mapToDouble(Contribution::value).sum();
            assertThat(item.score()).as("score of %s against its reasons %s", item.videoId(), item.why()).isCloseTo(sum, within(1e-12));
        }
    }

    @Test
    void aSignalWeightedZeroDisappearsFromTheReasons() {
        catalogue(5);
        finish("ana", "cook-0");
        FeedPreferences noContent = new FeedPreferences(FeedStrategy.PERSONALISED, Map.of(Signal.SIMILAR_CONTENT, 0.0));

        FeedPage page = engine.recommend(new FeedRequest(viewer("ana"), Surface.FOR_YOU, Optional.empty(), 10, noContent, 0));

        assertThat(page.items()).as("items").isNotEmpty().allSatisfy(item -> assertThat(item.why())
                .as("reasons of %s", item.videoId()).noneMatch(c -> c.signal() == Signal.SIMILAR_CONTENT));
    }

    @Test
    void aFeedIsComputedOnOneOfTheEnginesPlatformThreadsAndTheDatabaseReadOnTheRequestsThread() throws InterruptedException {
        catalogue(2);

        Thread request = Thread.ofVirtual().start(() -> forYou("ana", Optional.empty(), 5));
        request.join();

        assertThat(source.followsReadBy).as("threads that read ana's follows, a database read").containsExactly(request);
        Thread computing = clock.lastReader;
        assertThat(computing.isVirtual()).as("%s, which ranked the feed, is virtual", computing).isFalse();
        assertThat(computing.getName()).as("the thread that ranked the feed").isEqualTo("pando-feed");
    }

    @Test
    void pagesOfOneScrollNeverRepeatAndReachEveryVideo() {
        catalogue(10);
        List<String> order = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            FeedPage page = forYou("ana", cursor, 5);
            order.addAll(page.videoIds());
            cursor = page.nextCursor();
        } while (cursor.isPresent());

        assertThat(order).as("pages of five reach all 30 videos, though a first page reads only ten from each source, "
                + "because each later page reads deeper").doesNotHaveDuplicates().hasSize(30);
    }

    @Test
    void noCreatorTakesMoreThanTwoPlacesInTen() {
        for (int i = 0; i < 8; i++) {
            video("big-" + i, "big", Duration.ofHours(i), "KR", "big creator video " + i);
        }
        for (int i = 0; i < 10; i++) {
            video("small-" + i, "small-" + i, Duration.ofHours(20 + i), "KR", "small creator video " + i);
        }
        engine.refreshCatalog();

        List<String> page = forYou("ana", Optional.empty(), 10).videoIds();

        assertThat(page.stream().filter(id -> id.startsWith("big"))).as("the big creator's places in %s", page).hasSize(2);
    }

    @Test
    void aNewVideoFromACreatorWithoutFollowersIsShownToItsFirstViewersWithinTheWindow() {
        catalogue(10);
        for (int i = 0; i < 30; i++) {
            finish("fan-" + i, "game-0");
        }
        clock.advance(Duration.ofMinutes(1));
        video("newcomer", "nobody-follows", Duration.ofSeconds(30), "KR", "first upload ever");
        engine.refreshCatalog();
        int owed = EngineSettings.defaults().freshImpressions();

        int shown = 0;
        for (int i = 0; i < owed; i++) {
            FeedPage page = forYou("viewer-" + i, Optional.empty(), 10);
            if (page.videoIds().contains("newcomer")) {
                shown++;
                event(EventType.IMPRESSION, "viewer-" + i, "newcomer", 0);
            }
        }

        assertThat(shown).as("first pages showing the new video").isEqualTo(owed);
        assertThat(forYou("late", Optional.empty(), 10).items()).as("after its %d impressions", owed)
                .noneMatch(item -> item.videoId().equals("newcomer")
                        && item.why().stream().anyMatch(c -> c.signal() == Signal.NEW_CREATOR_BOOST && c.value() >= 0.4));
    }

    @Test
    void theMostShownVideosAreHeldBackOnceTheyPassTheirShare() {
        catalogue(40);
        for (int i = 0; i < 200; i++) {
            event(EventType.IMPRESSION, "crowd-" + i, "dance-0", 0);
            finish("crowd-" + i, "dance-0");
        }
        clock.advance(Duration.ofSeconds(3));

        List<String> page = forYou("ana", Optional.empty(), 10).videoIds();

        assertThat(engine.topShare()).as("the top 1%%'s share of impressions").isGreaterThan(EngineSettings.defaults().topShareCap());
        assertThat(page).as("a page while dance-0 holds every impression").doesNotContain("dance-0");
    }

    @Test
    void localAndFollowingAndThePopularStrategy() {
        video("seoul", "kr-creator", Duration.ofHours(1), "KR", "seoul street food");
        video("recife", "br-creator", Duration.ofHours(1), "BR", "recife beach");
        source.follows.put("ana", List.of("br-creator"));
        engine.refreshCatalog();
        Viewer ana = viewer("ana");

        assertThat(engine.recommend(new FeedRequest(ana, Surface.LOCAL, Optional.empty(), 10)).videoIds()).containsExactly("seoul");
        assertThat(engine.recommend(new FeedRequest(ana, Surface.FOLLOWING, Optional.empty(), 10)).videoIds()).containsExactly("recife");
        assertThat(engine.recommend(new FeedRequest(Viewer.anonymous(), Surface.FOLLOWING, Optional.empty(), 10)).videoIds())
                .as("anonymous following").isEmpty();
        FeedPreferences following = new FeedPreferences(FeedStrategy.FOLLOWING, Map.of());
        assertThat(engine.recommend(new FeedRequest(ana, Surface.FOR_YOU, Optional.empty(), 10, following, 0)).videoIds())
                .as("For You with the following strategy").containsExactly("recife");
        FeedPreferences popular = new FeedPreferences(FeedStrategy.POPULAR, Map.of());
        assertThat(engine.recommend(new FeedRequest(ana, Surface.FOR_YOU, Optional.empty(), 10, popular, 0)).items())
                .as("the popular strategy uses nothing personal").allSatisfy(item -> assertThat(item.why())
                        .allMatch(c -> Set.of(Signal.POPULAR, Signal.WELL_WATCHED, Signal.RECENT).contains(c.signal())));
    }

    @Test
    void theExplorationSlotIsDisclosedAndCarriesItsPropensity() {
        engine.close();
        double rate = EngineSettings.MAX_EXPLORATION;
        engine = new Engine(source, new LuceneContentIndex(), withExploration(EngineSettings.defaults(), rate), clock,
                new SplittableRandom(3));
        catalogue(10);

        List<FeedItem> items = List.of();
        for (int attempt = 0; attempt < 40 && items.stream().noneMatch(FeedItem::exploration); attempt++) {
            items = forYou("viewer-" + attempt, Optional.empty(), 10).items();
        }

        List<FeedItem> explored = items.stream().filter(FeedItem::exploration).toList();
        assertThat(explored).as("exploration items on %s", items).hasSize(1);
        // a first page of 10 reads 20 candidates from each source: here the 20 newest of the 30 videos
        assertThat(explored.getFirst().propensity()).as("a page explores with p=1/2, one slot of 10, one of the 10 left")
                .isCloseTo(rate / 10 / 10, within(1e-12));
        assertThat(items.stream().filter(i -> !i.exploration())).allSatisfy(i -> assertThat(i.propensity())
                .as("propensity of a ranked item").isCloseTo(1 - rate / 10, within(1e-12)));
    }

    @Test
    void theRankerLearnsFromHowViewsEnd() {
        catalogue(10);
        double before = engine.signalWeights().get(Signal.RECENT);
        for (int i = 0; i < 30; i++) {
            String user = "skipper-" + i;
            for (FeedItem item : forYou(user, Optional.empty(), 5).items()) {
                event(EventType.PLAY, user, item.videoId(), 0);
                event(EventType.SKIP, user, item.videoId(), 500);
            }
        }

        assertThat(engine.rankerUpdates()).as("views learned from").isEqualTo(150);
        assertThat(engine.signalWeights().get(Signal.RECENT)).as("weight of a signal every skipped video had")
                .isLessThan(before);
    }

    @Test
    void relatedVideosAreCoWatchedOrAlike() {
        catalogue(4);
        for (String other : List.of("u1", "u2")) {
            finish(other, "dance-1");
            finish(other, "game-3");
        }

        List<String> related = engine.related("dance-1", Viewer.anonymous(), 4).videoIds();

        assertThat(related).as("related to dance-1").contains("game-3").doesNotContain("dance-1");
        assertThat(related.stream().filter(id -> id.startsWith("dance"))).as("alike in content, %s", related).isNotEmpty();
        assertThat(engine.related("unknown", Viewer.anonymous(), 4).videoIds()).as("unknown video").isEmpty();
    }

    @Test
    void aFeedRequestWaitsForTheViewersOwnLatestEvent() throws Exception {
        catalogue(3);
        Thread late = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finish("ana", "cook-0");
        });
        long expected = 2;

        FeedPage page = engine.recommend(new FeedRequest(viewer("ana"), Surface.FOR_YOU, Optional.empty(), 10,
                FeedPreferences.defaults(), expected));

        late.join();
        assertThat(engine.appliedPosition().holds(expected)).as("applied before serving").isTrue();
        assertThat(page.videoIds()).as("the page served after finishing cook-0: it comes after every unseen video")
                .hasSize(9).endsWith("cook-0");
    }

    /** A clock tests move by hand; it remembers the thread that read it last. */
    static final class MovableClock extends Clock {
        private Instant now;
        volatile Thread lastReader;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            lastReader = Thread.currentThread();
            return now;
        }
    }
}
