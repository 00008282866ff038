package org.pando.recommend.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pando.recommend.Candidate;
import org.pando.recommend.ContentIndex;
import org.pando.recommend.ContentIndex.Match;
import org.pando.recommend.EngineSettings;
import org.pando.recommend.Signal;
import org.pando.recommend.Viewer;

/**
 * Gathers a request's candidates from every source (newest, trending globally and in the viewer's country,
 * followed creators, the fresh-upload pool, local videos, and for a known viewer co-occurrence, content
 * similarity, iALS taste and EASE), computes every candidate's signal values, and scores them.
 *
 * <p>Source scores are brought to [0, 1] by dividing by the request's largest, so a weight means the same
 * whatever the instance's size.
 */
final class Candidates {
    private static final double RECENT_HALF_LIFE_HOURS = 48;
    private static final int SMALL_CREATOR_FOLLOWERS = 10;
    private static final Duration SMALL_CREATOR_WINDOW = Duration.ofDays(7);
    private static final double SMALL_CREATOR_BOOST = 0.25;
    private static final int CONTENT_SEEDS = 5;
    /**
     * Most valued videos co-occurrence starts from, the newest: a feed sums each one's nearest neighbours, so the
     * {@value ValuedVideos#MAX} a viewer may have cost four times as many sums, and on Gowalla the first page's recall@20
     * is 0.163 either way.
     */
    private static final int CO_WATCH_SEEDS = 50;
    private static final Signal[] NORMALISED = {
        Signal.CO_WATCHED, Signal.TASTE, Signal.WATCHED_TOGETHER, Signal.SIMILAR_CONTENT, Signal.POPULAR_IN_COUNTRY,
        Signal.POPULAR};

    private final EngineState state;
    private final ContentIndex content;
    private final EngineSettings settings;
    private final Clock clock;

    Candidates(EngineState state, ContentIndex content, EngineSettings settings, Clock clock) {
        this.state = state;
        this.content = content;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * How many candidates each source adds for a page of {@code limit} after {@code served} videos of the same
     * session: room for two pages beyond what was shown, were it all from one source, and never more than
     * {@code recommend.candidates-per-source}. A first page of 20 reads 40 from each source: scoring every
     * candidate is most of a request's work, and on Gowalla the first page's recall@20 is 0.163 this way against
     * 0.164 with 100 from each.
     */
    int perSource(int served, int limit) {
        return (int) Math.min(settings.perSource(), served + 2L * limit);
    }

    /**
     * Every candidate for a viewer, scored, best first.
     *
     * @param user what the viewer valued, copied from their state ({@link #history}); null for a viewer without history
     * @param n    how many candidates each source adds ({@link #perSource})
     */
    List<ScoredVideo> forViewer(Viewer viewer, ViewerHistory user, List<String> followed, CatalogMirror.Snapshot catalog,
            double[] weights, Instant now, int n) {
        Map<String, Candidate> pool = new LinkedHashMap<>();
        catalog.newestFirst().stream().limit(n).forEach(c -> pool.put(c.videoId(), c));
        Instant freshSince = now.minus(settings.freshWindow());
        for (Candidate c : catalog.newestFirst()) {
            if (!c.publishedAt().isAfter(freshSince)) {
                break;
            }
            pool.put(c.videoId(), c);
        }
        addAll(pool, catalog, state.trending.global(n, now).keySet());
        viewer.country().ifPresent(country -> {
            addAll(pool, catalog, state.trending.inCountry(country, n, now).keySet());
            catalog.byCountry().getOrDefault(country, List.of()).stream().limit(n).forEach(c -> pool.put(c.videoId(), c));
        });
        Set<String> followedSet = new HashSet<>(followed);
        followed.forEach(creator -> catalog.byCreator().getOrDefault(creator, List.of()).stream().limit(n / 5 + 1)
                .forEach(c -> pool.put(c.videoId(), c)));

        Personal personal = user == null ? Personal.NONE : personal(user, catalog, pool, n);
        List<ScoredVideo> scored = score(pool.values(), viewer, followedSet, personal, weights, now);
        scored.sort(ScoredVideo.BEST_FIRST);
        return scored;
    }

    /** What {@link #forViewer} reads of a viewer's state; the caller holds {@code user}'s lock. */
    static ViewerHistory history(UserState user) {
        return ViewerHistory.of(user, Math.max(CO_WATCH_SEEDS, CONTENT_SEEDS));
    }

    /**
     * The videos to watch after {@code seed}: watched with it, like it in content, by its creator, popular; never
     * a near-duplicate of it.
     */
    List<ScoredVideo> related(Candidate seed, CatalogMirror.Snapshot catalog, double[] learned) {
        int n = settings.perSource();
        Instant now = clock.instant();
        Map<String, Candidate> pool = new LinkedHashMap<>();
        Map<String, Match> coWatched = state.coWatch.forHistory(Map.of(seed.videoId(), 1.0), n);
        Map<String, Match> similar = content.similar(Map.of(seed.videoId(), 1.0), n);
        addAll(pool, catalog, coWatched.keySet());
        addAll(pool, catalog, similar.keySet());
        catalog.byCreator().getOrDefault(seed.creatorId(), List.of()).stream().limit(n / 5 + 1).forEach(c -> pool.put(c.videoId(), c));
        addAll(pool, catalog, state.trending.global(n / 5 + 1, now).keySet());
        pool.remove(seed.videoId());
        content.nearDuplicates(seed.videoId()).forEach(pool::remove);
        Personal personal = new Personal(coWatched, similar, null, null, null);
        double[] weights = new double[learned.length];
        for (Signal s : List.of(Signal.CO_WATCHED, Signal.SIMILAR_CONTENT, Signal.SAME_CREATOR, Signal.POPULAR,
                Signal.WELL_WATCHED, Signal.RECENT)) {
            weights[s.ordinal()] = learned[s.ordinal()];
        }
        List<ScoredVideo> scored = score(pool.values(), Viewer.anonymous(), Set.of(), personal, weights, now);
        scored.replaceAll(s -> s.video().creatorId().equals(seed.creatorId()) ? withSameCreator(s, weights) : s);
        scored.sort(ScoredVideo.BEST_FIRST);
        return scored;
    }

    private static ScoredVideo withSameCreator(ScoredVideo s, double[] weights) {
        double[] features = s.features().clone();
        features[Signal.SAME_CREATOR.ordinal()] = 1;
        return ScoredVideo.of(s.video(), features, s.because(), weights);
    }

    /** Whether a new video is still owed impressions: younger than T and shown fewer than N times. */
    boolean owed(Candidate video, Instant now) {
        return video.publishedAt().isAfter(now.minus(settings.freshWindow()))
                && state.exposure.impressions(video.videoId()) < settings.freshImpressions();
    }

    private Personal personal(ViewerHistory user, CatalogMirror.Snapshot catalog, Map<String, Candidate> pool, int n) {
        Map<String, Double> history = user.valued();
        if (history.isEmpty()) {
            return Personal.NONE;
        }
        // what a viewer watches now says the most: co-occurrence and content similarity start from the newest, and
        // co-occurrence leaves out everything valued
        Map<String, Match> coWatched = state.coWatch.forHistory(user.newestValued(CO_WATCH_SEEDS), history.keySet(), n);
        Map<String, Match> similar = content.similar(user.newestValued(CONTENT_SEEDS), n);
        addAll(pool, catalog, coWatched.keySet());
        addAll(pool, catalog, similar.keySet());
        TasteModels.Snapshot models = state.taste.current();
        float[] head = null;
        if (models != null) {
            head = models.head().scores(history);
            if (user.taste() != null) {
                addAll(pool, catalog, models.best(user.taste(), n));
            }
        }
        // the same pictures again, uploaded by someone else, is not something new to watch
        history.keySet().forEach(watched -> content.nearDuplicates(watched).forEach(pool::remove));
        return new Personal(coWatched, similar, models, user.taste(), head);
    }

    private List<ScoredVideo> score(Iterable<Candidate> pool, Viewer viewer, Set<String> followed, Personal personal,
            double[] weights, Instant now) {
        List<Candidate> videos = new ArrayList<>();
        List<double[]> features = new ArrayList<>();
        List<Map<Signal, String>> reasons = new ArrayList<>();
        Optional<String> country = viewer.country();
        Instant smallCreatorSince = now.minus(SMALL_CREATOR_WINDOW);
        for (Candidate c : pool) {
            double[] x = new double[LinearRanker.SIGNALS];
            Map<Signal, String> because = new EnumMap<>(Signal.class);
            String id = c.videoId();
            x[Signal.FOLLOWED.ordinal()] = followed.contains(c.creatorId()) ? 1 : 0;
            match(personal.coWatched().get(id), Signal.CO_WATCHED, x, because);
            match(personal.similar().get(id), Signal.SIMILAR_CONTENT, x, because);
            if (personal.models() != null) {
                x[Signal.TASTE.ordinal()] = Math.max(0, personal.models().taste(personal.taste(), id));
                x[Signal.WATCHED_TOGETHER.ordinal()] = Math.max(0, personal.models().head().score(personal.head(), id));
            }
            x[Signal.POPULAR_IN_COUNTRY.ordinal()] = country.map(k -> damped(state.trending.inCountry(k, id, now))).orElse(0.0);
            x[Signal.POPULAR.ordinal()] = damped(state.trending.global(id, now));
            x[Signal.LANGUAGE.ordinal()] = c.language().filter(viewer.languages()::contains).isPresent() ? 1 : 0;
            x[Signal.WELL_WATCHED.ordinal()] = Math.max(0, (state.quality(id) - 0.5) * 2);
            double ageHours = Math.max(0, (now.toEpochMilli() - c.publishedAt().toEpochMilli()) / 60_000 / 60.0);
            x[Signal.RECENT.ordinal()] = Math.pow(0.5, ageHours / RECENT_HALF_LIFE_HOURS);
            x[Signal.NEW_CREATOR_BOOST.ordinal()] = owed(c, now) ? 1
                    : state.followers(c.creatorId()) < SMALL_CREATOR_FOLLOWERS && c.publishedAt().isAfter(smallCreatorSince)
                            ? SMALL_CREATOR_BOOST : 0;
            videos.add(c);
            features.add(x);
            reasons.add(because);
        }
        for (Signal s : NORMALISED) {
            double max = 0;
            for (double[] x : features) {
                max = Math.max(max, x[s.ordinal()]);
            }
            if (max > 0) {
                for (double[] x : features) {
                    x[s.ordinal()] /= max;
                }
            }
        }
        List<ScoredVideo> scored = new ArrayList<>(videos.size());
        for (int i = 0; i < videos.size(); i++) {
            scored.add(ScoredVideo.of(videos.get(i), features.get(i), reasons.get(i), weights));
        }
        return scored;
    }

    /**
     * {@code ln(1 + count)}, so that popularity grows slower than its counts. Not {@code Math.log1p}: the compiler turns
     * {@code Math.log} into a few processor instructions but not that, which took a twentieth of gathering and scoring
     * For You's candidates in a profile under load, and its extra precision near 0 moves no score that matters.
     */
    private static double damped(double count) {
        return Math.log(1 + count);
    }

    private static void match(Match m, Signal signal, double[] x, Map<Signal, String> because) {
        if (m != null && m.score() > 0) {
            x[signal.ordinal()] = m.score();
            because.put(signal, m.because());
        }
    }

    private static void addAll(Map<String, Candidate> pool, CatalogMirror.Snapshot catalog, Iterable<String> ids) {
        for (String id : ids) {
            Candidate c = catalog.byId().get(id);
            if (c != null) {
                pool.putIfAbsent(id, c);
            }
        }
    }

    /**
     * The viewer-specific sources of one request.
     *
     * @param coWatched co-occurrence matches
     * @param similar   content matches
     * @param models    the taste models, null before the first fit
     * @param taste     the viewer's iALS vector, null when not folded in
     * @param head      the viewer's EASE scores over the head, null without models
     */
    private record Personal(Map<String, Match> coWatched, Map<String, Match> similar, TasteModels.Snapshot models,
            float[] taste, float[] head) {
        static final Personal NONE = new Personal(Map.of(), Map.of(), null, null, null);
    }
}
