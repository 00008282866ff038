package org.pando.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pando.stats.StatsStore.MinuteViews;

class ViewForecastTest {
    private static final long NOW = 30_000_000;

    /** Videos published at staggered times whose views per minute decay from {@code peak} with a 40-minute time constant. */
    private static List<MinuteViews> decaying(int videos) {
        List<MinuteViews> history = new ArrayList<>();
        for (int v = 0; v < videos; v++) {
            long published = NOW - 600 + v * 13L % 500;
            double peak = 20 + v % 7 * 10;
            for (long m = published; m < NOW; m++) {
                long views = Math.round(peak * Math.exp(-(m - published) / 40.0));
                if (views > 0) {
                    history.add(new MinuteViews("v" + v, m, views));
                }
            }
        }
        return history;
    }

    @Test
    void onDecayingCurvesTheFittedModelBeatsRepeatingTheLastHalfHour() {
        ViewForecast.Model model = ViewForecast.fit(decaying(40), NOW);

        assertThat(model.fitted()).as("fitted on %s anchors", model.trained()).isTrue();
        assertThat(model.heldOut()).as("anchors held out").isGreaterThanOrEqualTo(ViewForecast.MIN_HELD_OUT);
        assertThat(model.mae()).as("held-out error of the model (weights %s) against persistence's %s",
                Arrays.toString(model.weights()), model.baselineMae()).isLessThan(model.baselineMae() * 0.8);
    }

    @Test
    void aSteadyVideoIsForecastAtItsRate() {
        List<MinuteViews> history = new ArrayList<>();
        for (int v = 0; v < 20; v++) {
            for (long m = NOW - 300; m < NOW; m++) {
                history.add(new MinuteViews("v" + v, m, 1 + v % 4));
            }
        }
        ViewForecast.Model model = ViewForecast.fit(history, NOW);
        long[] lastHour = new long[60];
        Arrays.fill(lastHour, 3);

        assertThat(model.predict(lastHour)).as("next 30 minutes at 3 a minute (weights %s)", Arrays.toString(model.weights()))
                .isCloseTo(90, within(0.5));
        assertThat(model.mae()).as("held-out error on steady curves").isLessThan(0.5);
    }

    @Test
    void withLittleHistoryTheForecastRepeatsTheLastHalfHour() {
        ViewForecast.Model model = ViewForecast.fit(List.of(new MinuteViews("v", NOW - 10, 4)), NOW);
        long[] lastHour = new long[60];
        lastHour[59] = 2;
        lastHour[40] = 5;
        lastHour[10] = 100;

        assertThat(model.fitted()).as("fitted on one video's single minute").isFalse();
        assertThat(model.predict(lastHour)).as("the last 30 minutes' views").isEqualTo(7);
    }
}
