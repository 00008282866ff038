package org.pando.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LadderPlannerTest {
    private final LadderPlanner planner = new LadderPlanner(MediaConfig.defaults());

    private record Case(String name, int width, int height, int rotation, List<String> expected) {
    }

    @Test
    void plansEveryRungUpToTheSourcesShortSideKeepingTheAspect() {
        List<Case> cases = List.of(
                new Case("1080p landscape", 1920, 1080, 0, List.of("1920x1080", "1280x720", "854x480", "640x360", "426x240")),
                new Case("1080p portrait", 1080, 1920, 0, List.of("1080x1920", "720x1280", "480x854", "360x640", "240x426")),
                new Case("phone portrait stored rotated", 1920, 1080, 90,
                        List.of("1080x1920", "720x1280", "480x854", "360x640", "240x426")),
                new Case("4K", 3840, 2160, 0,
                        List.of("3840x2160", "2560x1440", "1920x1080", "1280x720", "854x480", "640x360", "426x240")),
                new Case("between rungs", 768, 432, 0, List.of("640x360", "426x240")),
                new Case("smaller than every rung", 200, 112, 0, List.of("200x112")));
        for (Case c : cases) {
            ProbeResult probe = new ProbeResult("mov", 10_000, Optional.of(new VideoTrack("h264", c.width(), c.height(), c.rotation(), 30)), true);
            List<String> sizes = planner.plan(probe).rungs().stream().map(r -> r.width() + "x" + r.height()).toList();
            assertThat(sizes).as(c.name()).isEqualTo(c.expected());
        }
    }

    @Test
    void storyboardHoldsAtMostAHundredThumbnailsInRowsOfTen() {
        StoryboardPlan hour = StoryboardPlan.forVideo(3_600_000, 1920, 1080);
        StoryboardPlan shortClip = StoryboardPlan.forVideo(11_080, 768, 432);

        assertThat(hour.count()).as("thumbnails of an hour").isLessThanOrEqualTo(100);
        assertThat(hour.intervalSeconds()).isEqualTo(36);
        assertThat(shortClip).isEqualTo(new StoryboardPlan(1, 12, 10, 2, 160, 90));
    }
}
