package org.pando.stats;

import java.time.LocalDate;
import java.util.SortedMap;

/**
 * What the administrators' dashboard shows from the event stream.
 *
 * @param activeUsers  accounts and visitors who did anything, per day of the last 30 (UTC), oldest first
 * @param giniByDay    the Gini coefficient of impressions across channels, per day with impressions
 * @param lorenz       the Lorenz curve of all impressions across channels
 * @param gini         the Gini coefficient of all impressions across channels
 * @param channels     channels with at least one impression
 * @param lastHour     views of the whole instance in each of the last 60 minutes, oldest first
 * @param forecast     views of the whole instance expected in the next 30 minutes: the load forecast
 */
public record InstanceDashboard(SortedMap<LocalDate, Long> activeUsers, SortedMap<LocalDate, Double> giniByDay, Lorenz lorenz,
        double gini, int channels, long[] lastHour, VideoStats.Forecast forecast) {
}
