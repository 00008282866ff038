package org.pando.recommend;

import java.time.Duration;

/**
 * The engine's settings, the {@code recommend} section of Pando's configuration.
 *
 * @param catalogRefresh      how often the in-memory catalogue is reloaded from the database
 * @param catalogLimit        most published videos the engine keeps in memory (the newest)
 * @param trendingHalfLife    half-life of the trending counters
 * @param refitInterval       how often iALS and EASE are refitted, when enough happened since the last fit
 * @param refitMinEvents      positive events needed since the last fit before a refit
 * @param factors             iALS vector length
 * @param easeHead            how many of the most watched videos EASE covers
 * @param freshWindow         T: how soon a new video must have had its first impressions
 * @param freshImpressions    N: impressions owed to every new video within T
 * @param maxCreatorPerSlate  most videos of one creator in one page of ten
 * @param dailyCreatorShare   most share of a viewer's For You impressions in a day one creator may take
 * @param topShareCap         most share of recent impressions the top 1% of videos may take
 * @param localFloor          least share of a For You page from the viewer's country, when there are such videos
 * @param explorationRate     probability that a page carries one disclosed, uniformly random exploration video;
 *                            at most 1/2, so a logged propensity tells a ranked impression from an explored one
 * @param perSource           candidates each source contributes per request
 * @param maxVisitors         most visitors without an account whose state is kept (the longest idle are forgotten)
 * @param checkpointEvery     how often what the engine learned is written to disk, so that a restart reads only the
 *                            events after it (also written when Pando stops)
 * @param offlineModels       whether iALS and EASE come only from snapshots trained offline ({@code pando train}) and
 *                            handed over with {@code Engine.adopt}, instead of being refitted here
 */
public record EngineSettings(
        Duration catalogRefresh,
        int catalogLimit,
        Duration trendingHalfLife,
        Duration refitInterval,
        int refitMinEvents,
        int factors,
        int easeHead,
        Duration freshWindow,
        int freshImpressions,
        int maxCreatorPerSlate,
        double dailyCreatorShare,
        double topShareCap,
        double localFloor,
        double explorationRate,
        int perSource,
        int maxVisitors,
        Duration checkpointEvery,
        boolean offlineModels) {

    /** Most exploration a policy may do while its logs stay readable by {@link OffPolicyReplay}. */
    public static final double MAX_EXPLORATION = 0.5;

    public EngineSettings {
        if (!(explorationRate >= 0 && explorationRate <= MAX_EXPLORATION)) {
            throw new IllegalArgumentException("recommend.exploration-rate must be between 0 and " + MAX_EXPLORATION
                    + ", not " + explorationRate);
        }
        if (maxVisitors < 1) {
            throw new IllegalArgumentException("recommend.max-visitors must be at least 1, not " + maxVisitors);
        }
    }

    /** Pando's defaults. */
    public static EngineSettings defaults() {
        return new EngineSettings(Duration.ofSeconds(30), 200_000, Duration.ofHours(6), Duration.ofMinutes(5), 20, 32, 1000,
                Duration.ofMinutes(30), 20, 2, 0.3, 0.3, 0.3, 0.1, 100, 100_000, Duration.ofMinutes(10), false);
    }
}
