package org.pando.understanding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class VideoSlideTest {

    private static Word w(String text, double start, double end) {
        return new Word(text, start, end, 1);
    }

    @Test
    void pagesBreakAtSceneCutsAndPausesAndCarryTheirWords() {
        Transcript said = new Transcript("en", List.of(w("one", 0.5, 1.0), w("two", 1.1, 1.6), w("three", 6.0, 6.5),
                w("four", 9.0, 9.4)));
        List<SlidePage> pages = VideoSlide.pages(12, List.of(5.0), stretches(said), said);

        assertThat(pages).extracting(SlidePage::start).containsExactly(0.0, 5.0, 7.75);
        assertThat(pages).extracting(SlidePage::end).containsExactly(5.0, 7.75, 12.0);
        assertThat(pages).extracting(SlidePage::text).containsExactly("one two", "three", "four");
        assertThat(pages.get(0).frameAt()).as("picture taken inside its page").isCloseTo(1.0, within(1e-9));
    }

    @Test
    void aPauseTooCloseToACutOrRapidCutsMakeNoTinyPages() {
        Transcript said = new Transcript("en", List.of(w("a", 0.5, 3.0), w("b", 4.5, 5.0)));
        List<SlidePage> pages = VideoSlide.pages(10, List.of(4.0, 4.5, 5.2, 8.0), stretches(said), said);
        assertThat(pages).extracting(SlidePage::start).as("cut at 4.0 kept; 4.5, 5.2 and the pause at 3.75 too close")
                .containsExactly(0.0, 4.0, 8.0);
    }

    @Test
    void aSilentVideoWithoutCutsIsOnePage() {
        List<SlidePage> pages = VideoSlide.pages(7, List.of(), List.of(), new Transcript("en", List.of()));
        assertThat(pages).containsExactly(new SlidePage(0, 7, "", 1.0));
    }

    /** The stretches of speech of these words, as voice activity detection would find them: touching words joined. */
    private static List<TimeRange> stretches(Transcript said) {
        List<TimeRange> ranges = new java.util.ArrayList<>();
        for (Word w : said.words()) {
            if (!ranges.isEmpty() && w.start() - ranges.getLast().end() < 0.1) {
                ranges.set(ranges.size() - 1, new TimeRange(ranges.getLast().start(), w.end()));
            } else {
                ranges.add(new TimeRange(w.start(), w.end()));
            }
        }
        return ranges;
    }
}
