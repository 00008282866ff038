package org.pando.stats;

import java.util.Map;
import org.pando.events.Surface;
import org.pando.stats.StatsStore.Shown;

/**
 * What the studio shows of one video.
 *
 * @param totals          views, unique viewers, watch time, completions, likes, comments, shares, follows
 * @param retention       share of views still watching at each second, from 0 to the video's last second
 * @param similarMedian   at each second, the median retention of the channel's other videos of a similar length
 *                        (within a third either way); empty when there are none
 * @param sources         impressions and views per traffic source
 * @param countries       views per viewer country
 * @param languages       views per viewer language
 * @param lastHour        views in each of the last 60 minutes, oldest first
 * @param forecast        views expected in the next 30 minutes, and how good the forecast has been
 */
public record VideoStats(VideoTotals totals, double[] retention, double[] similarMedian, Map<Surface, Shown> sources,
        Map<String, Long> countries, Map<String, Long> languages, long[] lastHour, Forecast forecast) {

    /**
     * Views expected in the next 30 minutes.
     *
     * @param views the forecast
     * @param model how it was made and how well that does on held-out history
     */
    public record Forecast(double views, ViewForecast.Model model) {
    }
}
