package org.pando.recommend.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.pando.domain.BackgroundThreads;
import org.pando.domain.Keyset;
import org.pando.events.EventLog;
import org.pando.events.LogPosition;
import org.pando.events.LoggedEvent;
import org.pando.events.Surface;
import org.pando.recommend.Candidate;
import org.pando.recommend.CandidateSource;
import org.pando.recommend.ContentIndex;
import org.pando.recommend.EngineSettings;
import org.pando.recommend.FeedItem;
import org.pando.recommend.FeedPage;
import org.pando.recommend.FeedPreferences;
import org.pando.recommend.FeedRequest;
import org.pando.recommend.FeedStrategy;
import org.pando.recommend.Recommender;
import org.pando.recommend.Signal;
import org.pando.recommend.Viewer;

/**
 * Pando's recommender. Subscribe it to the event stream, {@link #start()} it, ask it for pages.
 *
 * <pre>{@code
 * Engine engine = new Engine(source, new LuceneContentIndex(), EngineSettings.defaults(), Clock.systemUTC());
 * stream.subscribe(LogPosition.START, engine);
 * engine.start();
 * FeedPage page = engine.recommend(new FeedRequest(viewer, Surface.FOR_YOU, Optional.empty(), 10));
 * }</pre>
 *
 * <p>For You, Local and the fresh-and-fair and popular strategies rank afresh on every page (sessions keep
 * pages from repeating); videos the viewer finished or skipped come after everything unseen, and videos they
 * are not interested in never come back. Following is chronological. A background thread reloads the catalogue and refits
 * iALS and EASE when enough has happened.
 */
public final class Engine implements Recommender, Consumer<LoggedEvent>, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());
    /** Longest a feed request waits for the viewer's own latest events to be applied. */
    private static final long FRESHNESS_WAIT_MILLIS = 500;
    private static final int FOLLOWED_PER_CREATOR = 20;

    private final CandidateSource source;
    private final ContentIndex content;
    private final AtomicBoolean reloadAsked = new AtomicBoolean();
    private final EngineSettings settings;
    private final Clock clock;
    private final EngineState state;
    private final CatalogMirror catalog;
    private final FeedSessions sessions = new FeedSessions(20_000);
    private final SlateBuilder slates;
    private final Candidates candidates;
    /**
     * Where ranked feeds and related videos are computed: one platform thread per core, requests waiting in arrival
     * order. Ranking is pure computation; run on the virtual thread of its request, it would keep one of the few
     * carrier threads until done, and under a saturated server new connections and other requests then waited
     * seconds for a carrier. On platform threads the operating system shares the cores, and the virtual threads go on
     * reading and answering. What reads the database (the Following feed, the followed creators) stays on the
     * request's thread.
     */
    private final ThreadPoolExecutor computing;
    private ScheduledExecutorService background;
    private volatile Instant lastFit = Instant.EPOCH;
    /** Where checkpoints go, once asked for; written by the thread that applies the events. */
    private volatile Path checkpointFile;
    private volatile Instant nextCheckpoint = Instant.MAX;
    /** Set when a checkpoint without a fit of the taste models was read: they are fitted first thing. */
    private volatile boolean fitAfterRestore;

    public Engine(CandidateSource source, ContentIndex content, EngineSettings settings, Clock clock) {
        this(source, content, settings, clock, new SplittableRandom());
    }

    Engine(CandidateSource source, ContentIndex content, EngineSettings settings, Clock clock, SplittableRandom random) {
        this.source = source;
        this.content = content;
        this.settings = settings;
        this.clock = clock;
        this.state = new EngineState(settings);
        this.catalog = new CatalogMirror(source, settings.catalogLimit(), clock);
        this.slates = new SlateBuilder(random);
        this.candidates = new Candidates(state, content, settings, clock);
        int cores = Runtime.getRuntime().availableProcessors();
        this.computing = new ThreadPoolExecutor(cores, cores, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(),
                r -> Thread.ofPlatform().name("pando-feed").daemon().unstarted(r));
        this.computing.allowCoreThreadTimeOut(true);
    }

    /**
     * Loads the catalogue and starts the background reloads and refits. The content index, which reads every
     * analysed video's embeddings, is filled on the background thread first thing, so that start-up does not wait
     * for it; until then related videos come from the other sources.
     */
    public synchronized void start() {
        CatalogMirror.Snapshot loaded = catalog.refresh();
        // refits and reloads take what serving leaves: at the least priority, a fit does not halve the feeds' processors
        background = Executors.newSingleThreadScheduledExecutor(BackgroundThreads.named("pando-recommend"));
        background.execute(() -> {
            try {
                content.sync(loaded.newestFirst());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "Reading the videos' embeddings failed; the next reload tries again", e);
            }
        });
        long refresh = settings.catalogRefresh().toMillis();
        background.scheduleWithFixedDelay(this::refreshCatalogQuietly, refresh, refresh, TimeUnit.MILLISECONDS);
        background.scheduleWithFixedDelay(this::refitQuietly, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void accept(LoggedEvent event) {
        state.accept(event);
        Path file = checkpointFile;
        if (file != null && !clock.instant().isBefore(nextCheckpoint)) {
            checkpointQuietly(file);
        }
    }

    /**
     * Reads the checkpoint in {@code file} into this engine, before it has applied any event, and keeps writing
     * checkpoints there every {@link EngineSettings#checkpointEvery()} and when it closes. Returns the position in
     * the log the checkpoint holds, after which to subscribe to {@code log}: the start when there is no checkpoint, or one
     * that is damaged, of another version or of another log (the whole log is then read again). The taste models come
     * back as they were last fitted; viewers are folded in again against them when next asked for.
     */
    public LogPosition restore(Path file, EventLog log) {
        boolean restored;
        try {
            restored = EngineCheckpoint.read(state, file, log);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The recommendation engine's checkpoint " + file + " could not be read; remove it "
                    + "to read the whole event log again", e);
        }
        fitAfterRestore = restored && state.taste.current() == null;
        if (restored) {
            LOG.log(System.Logger.Level.INFO, "The recommendation engine read its checkpoint, up to "
                    + state.appliedPosition().total() + " events; it reads the events after them from the log");
        } else if (Files.exists(file)) {
            LOG.log(System.Logger.Level.WARNING, "The engine's checkpoint " + file + " is damaged, of another version or of "
                    + "another event log; reading the whole log instead");
        }
        nextCheckpoint = clock.instant().plus(settings.checkpointEvery());
        checkpointFile = file;
        return state.appliedPosition();
    }

    /**
     * Writes what the engine learned to {@code file} now; call it between events, as {@link #accept} does. Events wait
     * while it is written, so its size and duration are logged.
     */
    public void checkpoint(Path file) {
        try {
            long start = System.nanoTime();
            EngineCheckpoint.write(state, file);
            LOG.log(System.Logger.Level.INFO, () -> String.format(Locale.ROOT,
                    "Wrote the engine's checkpoint, up to %d events, %.0f MB in %.1f s", state.appliedPosition().total(),
                    file.toFile().length() / 1e6, (System.nanoTime() - start) / 1e9));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the engine's checkpoint " + file, e);
        }
    }

    private void checkpointQuietly(Path file) {
        nextCheckpoint = clock.instant().plus(settings.checkpointEvery());
        try {
            checkpoint(file);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Writing the engine's checkpoint failed; the next one tries again", e);
        }
    }

    /** Reloads the catalogue now (also done on a schedule); call after a video is published or removed. */
    public void refreshCatalog() {
        content.sync(catalog.refresh().newestFirst());
    }

    /**
     * Asks for a catalogue reload on the background thread, soon. Asks made before that reload starts share it;
     * one made while it runs gets another.
     */
    public void catalogChanged() {
        ScheduledExecutorService executor = background;
        if (executor != null && !executor.isShutdown() && reloadAsked.compareAndSet(false, true)) {
            executor.execute(() -> {
                reloadAsked.set(false);
                refreshCatalogQuietly();
            });
        }
    }

    /** Refits iALS and EASE on every viewer's history now; logs the fit made, if there was enough to learn one. */
    public void refit() {
        long start = System.nanoTime();
        TasteModels.Snapshot before = state.taste.current();
        List<Map<String, Double>> histories = state.histories();
        state.taste.refit(histories);
        lastFit = clock.instant();
        if (state.taste.current() != before) {
            LOG.log(System.Logger.Level.INFO, () -> String.format(Locale.ROOT,
                    "Refitted iALS and EASE on %d viewers' valued videos in %.1f s", histories.size(), (System.nanoTime() - start) / 1e9));
        }
    }

    /**
     * Takes a fit of iALS and EASE made elsewhere (a snapshot trained offline) as the latest; viewers are folded in
     * against it at their next event or feed.
     */
    public void adopt(TasteFit fit) {
        state.taste.adopt(fit);
        lastFit = clock.instant();
    }

    /** The version of the latest fit of iALS and EASE; empty before the first. */
    public OptionalLong tasteVersion() {
        TasteModels.Snapshot snapshot = state.taste.current();
        return snapshot == null ? OptionalLong.empty() : OptionalLong.of(snapshot.version());
    }

    @Override
    public FeedPage recommend(FeedRequest request) {
        if (request.seenSequence() > 0 && !state.awaitApplied(request.seenSequence(), FRESHNESS_WAIT_MILLIS)) {
            LOG.log(System.Logger.Level.DEBUG, "Serving a feed before the viewer's latest events were applied");
        }
        FeedPreferences preferences = request.preferences();
        Viewer viewer = request.viewer();
        if (request.surface() == Surface.FOLLOWING) {
            return following(request);
        }
        if (request.surface() == Surface.LOCAL) {
            return ranked(request, Mode.LOCAL, localFilter(viewer));
        }
        return switch (preferences.strategy()) {
            case FOLLOWING -> following(request);
            case LOCAL -> ranked(request, Mode.LOCAL, localFilter(viewer));
            case FRESH_AND_FAIR -> ranked(request, Mode.FRESH_AND_FAIR, c -> true);
            case POPULAR -> ranked(request, Mode.POPULAR, c -> true);
            case PERSONALISED -> ranked(request, Mode.PERSONALISED, c -> true);
        };
    }

    @Override
    public FeedPage related(String videoId, Viewer viewer, int limit) {
        return computed(() -> relatedNow(videoId, limit));
    }

    /** Runs a feed's computation on {@link #computing} and waits for it, passing on what it throws. */
    private FeedPage computed(Callable<FeedPage> work) {
        Future<FeedPage> result = computing.submit(work);
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a feed", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private FeedPage relatedNow(String videoId, int limit) {
        CatalogMirror.Snapshot snapshot = catalog.current();
        Candidate seed = snapshot.byId().get(videoId);
        if (seed == null) {
            return FeedPage.empty();
        }
        List<ScoredVideo> ranked = candidates.related(seed, snapshot, state.ranker.weights());
        SlateBuilder.Rules rules = new SlateBuilder.Rules(limit, settings.maxCreatorPerSlate(), c -> true, Set.of(), null, 0,
                List.of(), 0);
        return new FeedPage(slates.build(ranked, rules), Optional.empty());
    }

    @Override
    public void carryOver(String visitorId, String accountId) {
        state.carryOver(visitorId, accountId);
    }

    /** The Gini coefficient of impressions across creators shown so far. */
    public double creatorGini() {
        return state.exposure.creatorGini();
    }

    /** The Gini coefficient of impressions across the catalogue's videos. */
    public double videoGini() {
        return state.exposure.videoGini(catalog.current().size());
    }

    /** The share of recent impressions taken by the most shown 1% of videos. */
    public double topShare() {
        return state.exposure.topShare(catalog.current().size(), clock.instant()).share();
    }

    /** Where in the log the events the engine applied end. */
    public LogPosition appliedPosition() {
        return state.appliedPosition();
    }

    /** How many visitors without an account the engine keeps state for (at most {@code recommend.max-visitors}). */
    public int visitorsKept() {
        return state.visitorsKept();
    }

    /** How many ended views the ranker has learned from. */
    public long rankerUpdates() {
        return state.ranker.updates();
    }

    /** The ranker's current weight of each signal, before the viewer's own multipliers. */
    public Map<Signal, Double> signalWeights() {
        double[] w = state.ranker.weights();
        Map<Signal, Double> weights = new EnumMap<>(Signal.class);
        for (Signal s : Signal.values()) {
            weights.put(s, w[s.ordinal()]);
        }
        return weights;
    }

    private FeedPage following(FeedRequest request) {
        Optional<String> account = request.viewer().accountId();
        if (account.isEmpty()) {
            return FeedPage.empty();
        }
        List<String> creators = source.followedCreators(account.get());
        if (creators.isEmpty()) {
            return FeedPage.empty();
        }
        Keyset after = Keyset.from(request.cursor());
        List<Candidate> rows = source.fromCreators(creators, after.at(), after.id(), request.limit() + 1);
        List<Candidate> page = rows.subList(0, Math.min(rows.size(), request.limit()));
        Optional<String> next = rows.size() > request.limit()
                ? Optional.of(new Keyset(page.getLast().publishedAt(), page.getLast().videoId()).cursor())
                : Optional.empty();
        return new FeedPage(page.stream().map(c -> FeedItem.plain(c.videoId())).toList(), next);
    }

    /**
     * A ranked feed, computed on {@link #computing}. The followed creators are read from the database first, on the
     * request's own thread, so that a computing thread never waits for the database.
     */
    private FeedPage ranked(FeedRequest request, Mode mode, Predicate<Candidate> eligible) {
        Viewer viewer = request.viewer();
        boolean personal = mode != Mode.POPULAR && viewer.userId().isPresent();
        List<String> followed = personal ? viewer.accountId().map(source::followedCreators).orElse(List.of()) : List.of();
        return computed(() -> rankedNow(request, mode, eligible, followed));
    }

    private FeedPage rankedNow(FeedRequest request, Mode mode, Predicate<Candidate> eligible, List<String> followed) {
        Viewer viewer = request.viewer();
        CatalogMirror.Snapshot snapshot = catalog.current();
        FeedSessions.Session session = sessions.resume(request.cursor());
        Optional<UserState> user = mode == Mode.POPULAR ? Optional.empty() : viewer.userId().map(state::user);
        Instant now = clock.instant();
        double[] weights = mode.weights(state.ranker.weights(), request.preferences());
        List<ScoredVideo> ranked;
        Set<String> seen;
        Set<String> rejected;
        int perSource = candidates.perSource(session.served().size(), request.limit());
        if (user.isPresent()) {
            ViewerHistory history;
            synchronized (user.get()) {
                seen = Set.copyOf(user.get().seen);
                rejected = Set.copyOf(user.get().rejected);
                state.refreshTaste(user.get());
                history = Candidates.history(user.get());
            }
            ranked = candidates.forViewer(viewer, history, followed, snapshot, weights, now, perSource);
        } else {
            seen = Set.of();
            rejected = Set.of();
            ranked = candidates.forViewer(mode == Mode.POPULAR ? Viewer.anonymous() : viewer, null, followed, snapshot,
                    weights, now, perSource);
        }
        List<ScoredVideo> eligibleNow = ranked.stream().filter(s -> eligible.test(s.video())
                && !session.served().contains(s.id()) && !rejected.contains(s.id())).toList();
        List<ScoredVideo> unseenFirst = new ArrayList<>(eligibleNow.stream().filter(s -> !seen.contains(s.id())).toList());
        unseenFirst.addAll(eligibleNow.stream().filter(s -> seen.contains(s.id())).toList());
        ranked = unseenFirst;
        return assemble(request, mode, ranked, user, snapshot, now, session);
    }

    private FeedPage assemble(FeedRequest request, Mode mode, List<ScoredVideo> ranked, Optional<UserState> user,
            CatalogMirror.Snapshot snapshot, Instant now, FeedSessions.Session session) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int limit = request.limit();
        Predicate<String> dailyAllowed = user.<Predicate<String>>map(u -> creator -> {
            synchronized (u) {
                int allowed = (int) Math.max(2, Math.ceil(settings.dailyCreatorShare() * (u.impressionsToday(today) + limit)));
                return u.creatorImpressionsToday(creator, today) < allowed;
            }
        }).orElse(c -> true);
        double cap = mode == Mode.FRESH_AND_FAIR ? settings.topShareCap() / 3 : settings.topShareCap();
        ExposureLedger.TopShare top = state.exposure.topShare(snapshot.size(), now);
        Set<String> overexposed = top.share() > cap ? top.videos() : Set.of();
        Optional<String> country = request.viewer().country();
        Predicate<ScoredVideo> isLocal = mode == Mode.PERSONALISED && country.isPresent()
                ? s -> s.video().country().equals(country) : null;
        List<ScoredVideo> owed = mode == Mode.POPULAR ? List.of() : ranked.stream().filter(s -> candidates.owed(s.video(), now)).toList();
        int perCreator = mode == Mode.FRESH_AND_FAIR ? 1 : settings.maxCreatorPerSlate();
        SlateBuilder.Rules rules = new SlateBuilder.Rules(limit, perCreator, dailyAllowed, overexposed, isLocal,
                settings.localFloor(), owed, settings.explorationRate());
        List<FeedItem> items = slates.build(ranked, rules);
        user.ifPresent(u -> {
            Map<String, ScoredVideo> byId = new HashMap<>();
            ranked.forEach(s -> byId.put(s.id(), s));
            synchronized (u) {
                items.forEach(item -> u.served.put(item.videoId(), byId.get(item.videoId()).features()));
            }
        });
        List<String> ids = items.stream().map(FeedItem::videoId).toList();
        String cursor = sessions.served(session, ids);
        boolean more = ranked.size() > items.size();
        return new FeedPage(items, more ? Optional.of(cursor) : Optional.empty());
    }

    private static Predicate<Candidate> localFilter(Viewer viewer) {
        if (viewer.country().isPresent()) {
            String country = viewer.country().get();
            return c -> c.country().filter(country::equals).isPresent();
        }
        if (!viewer.languages().isEmpty()) {
            String language = viewer.languages().getFirst();
            return c -> c.language().filter(language::equals).isPresent();
        }
        return c -> false;
    }

    private void refreshCatalogQuietly() {
        try {
            refreshCatalog();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Reloading the catalogue failed; keeping the previous one", e);
        }
    }

    private void refitQuietly() {
        if (settings.offlineModels()) {
            return;
        }
        try {
            boolean intervalPassed = Duration.between(lastFit, clock.instant()).compareTo(settings.refitInterval()) >= 0;
            if (fitAfterRestore) {
                fitAfterRestore = false;
                refit();
            } else if ((intervalPassed || state.taste.current() == null) && state.refitDue(settings.refitMinEvents())) {
                refit();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Refitting the taste models failed; keeping the previous fit", e);
        }
    }

    @Override
    public synchronized void close() {
        computing.shutdown();
        if (background != null) {
            background.shutdownNow();
            try {
                background.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            background = null;
        }
        Path file = checkpointFile;
        if (file != null) {
            checkpointQuietly(file);
        }
        content.close();
    }

    /** How a ranked feed weighs the signals. */
    enum Mode {
        PERSONALISED, LOCAL, FRESH_AND_FAIR, POPULAR;

        double[] weights(double[] learned, FeedPreferences preferences) {
            double[] w = learned.clone();
            for (Signal s : Signal.values()) {
                w[s.ordinal()] *= preferences.weight(s) * emphasis(s);
            }
            return w;
        }

        private double emphasis(Signal s) {
            return switch (this) {
                case FRESH_AND_FAIR -> switch (s) {
                    case NEW_CREATOR_BOOST -> 3;
                    case RECENT -> 2;
                    case POPULAR, POPULAR_IN_COUNTRY -> 0.3;
                    default -> 1;
                };
                case POPULAR -> switch (s) {
                    case POPULAR, WELL_WATCHED, RECENT -> 1;
                    default -> 0;
                };
                default -> s == Signal.SAME_CREATOR ? 0 : 1;
            };
        }
    }
}
