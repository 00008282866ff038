package org.pando.stats;

import java.util.List;
import java.util.Map;
import org.pando.events.Surface;
import org.pando.stats.StatsStore.Shown;

/**
 * What the studio shows of a whole channel.
 *
 * @param sum       the channel's videos added up, with an empty video id; unique viewers are counted across the
 *                  channel (someone who watched two of its videos counts once) and followers gained include
 *                  follows made on the channel's page
 * @param videos    each video's totals, most viewed first
 * @param sources   impressions and views per traffic source
 * @param countries views per viewer country
 * @param languages views per viewer language
 * @param lastHour  views in each of the last 60 minutes, oldest first
 */
public record ChannelStats(VideoTotals sum, List<VideoTotals> videos, Map<Surface, Shown> sources, Map<String, Long> countries,
        Map<String, Long> languages, long[] lastHour) {
}
