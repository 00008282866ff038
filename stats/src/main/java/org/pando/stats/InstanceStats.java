package org.pando.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pando.learn.Gini;
import org.pando.stats.StatsStore.MinuteViews;

/**
 * The instance as a whole, for its administrators: active users per day, how evenly impressions were shared among
 * channels day by day and overall, and the load of the last hour with a 30-minute forecast fitted to the instance's
 * own curve of views (see {@link ViewForecast}).
 *
 * <pre>{@code
 * InstanceDashboard d = new InstanceStats(store, aggregator::flush, clock).dashboard();
 * }</pre>
 */
public final class InstanceStats {
    private static final int DAYS = 30;
    private static final int FORECAST_DAYS = 3;
    private static final String INSTANCE = "instance";

    private final StatsStore store;
    private final Runnable catchUp;
    private final Clock clock;

    public InstanceStats(StatsStore store, Runnable catchUp, Clock clock) {
        this.store = store;
        this.catchUp = catchUp;
        this.clock = clock;
    }

    /** The dashboard as of now. */
    public InstanceDashboard dashboard() {
        catchUp.run();
        long nowMinute = clock.instant().getEpochSecond() / 60;
        long today = nowMinute / 1440;
        long firstDay = today - DAYS + 1;

        SortedMap<LocalDate, Long> active = new TreeMap<>();
        SortedMap<Long, Long> counted = store.activeUsers(firstDay);
        for (long day = firstDay; day <= today; day++) {
            active.put(LocalDate.ofEpochDay(day), counted.getOrDefault(day, 0L));
        }
        SortedMap<LocalDate, Double> giniByDay = new TreeMap<>();
        store.impressionsByDay(firstDay).forEach((day, byChannel) -> giniByDay.put(LocalDate.ofEpochDay(day),
                Gini.of(byChannel.values().stream().mapToLong(Long::longValue).toArray())));
        long[] counts = store.impressionsByChannel().values().stream().mapToLong(StatsStore.ChannelImpressions::all).toArray();

        SortedMap<Long, Long> views = store.instanceViews(nowMinute - FORECAST_DAYS * 1440L);
        List<MinuteViews> history = new ArrayList<>();
        views.forEach((minute, n) -> history.add(new MinuteViews(INSTANCE, minute, n)));
        long[] lastHour = ViewForecast.hourEnding(nowMinute, minute -> views.getOrDefault(minute, 0L));
        ViewForecast.Model model = ViewForecast.fit(history, nowMinute);
        return new InstanceDashboard(active, giniByDay, Lorenz.of(counts), Gini.of(counts), counts.length, lastHour,
                new VideoStats.Forecast(model.predict(ViewForecast.completeMinutes(lastHour)), model));
    }
}
