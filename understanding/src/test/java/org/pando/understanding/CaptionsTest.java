package org.pando.understanding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CaptionsTest {

    private static Word w(String text, double start, double end) {
        return new Word(text, start, end, 1);
    }

    @Test
    void aPauseStartsANewCueAndCuesSpanTheirWords() {
        Transcript t = new Transcript("en", List.of(w("ask", 0.5, 0.8), w("not", 0.9, 1.2), w("what", 2.4, 2.7)));
        assertThat(Captions.of(t)).containsExactly(new Cue(0.5, 1.2, "ask not"), new Cue(2.4, 2.7, "what"));
    }

    @Test
    void longSpeechIsCutToFitOneLineAndFiveSeconds() {
        List<Word> words = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            words.add(w("word" + i, i * 0.3, i * 0.3 + 0.25));
        }
        List<Cue> cues = Captions.of(new Transcript("en", words));
        assertThat(cues).as("40 words without a pause make several cues").hasSizeGreaterThan(4)
                .allSatisfy(c -> {
                    assertThat(c.text().length()).as("cue '%s' fits one caption line", c.text()).isLessThanOrEqualTo(Captions.MAX_CHARS);
                    assertThat(c.end() - c.start()).as("cue '%s' stays at most five seconds", c.text()).isLessThanOrEqualTo(Captions.LONGEST);
                });
        assertThat(String.join(" ", cues.stream().map(Cue::text).toList())).as("no word lost or repeated")
                .isEqualTo(String.join(" ", words.stream().map(Word::text).toList()));
    }

    @Test
    void webVttHasTheHeaderNumberedCuesAndMillisecondTimes() {
        String vtt = Captions.webVtt(List.of(new Cue(0.32, 2.214, "and so my fellow americans"), new Cue(3661.5, 3662, "a --> b")));
        assertThat(vtt).isEqualTo("""
                WEBVTT

                1
                00:00:00.320 --> 00:00:02.214
                and so my fellow americans

                2
                01:01:01.500 --> 01:01:02.000
                a -> b
                """);
    }

    @Test
    void cuesFollowTheStretchesOfSpeechAndStayInsideThem() {
        Transcript t = new Transcript("en", List.of(w("for", 6.9, 7.08), w("you", 7.08, 7.65), w("ask", 8.19, 8.63),
                w("what", 8.63, 8.82)));
        List<TimeRange> speech = List.of(new TimeRange(5.38, 7.62), new TimeRange(8.61, 10.62));

        assertThat(Captions.of(t, speech)).as("a new cue in the new stretch, clipped to it (the recogniser's 'ask' starts early)")
                .containsExactly(new Cue(6.9, 7.62, "for you"), new Cue(8.61, 8.82, "ask what"));
    }
}
