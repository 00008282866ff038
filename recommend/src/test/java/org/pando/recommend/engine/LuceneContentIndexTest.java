package org.pando.recommend.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pando.recommend.Candidate;
import org.pando.recommend.ContentIndex.Match;
import org.pando.recommend.VideoEmbeddings.Embeddings;

class LuceneContentIndexTest {
    private static final int TEXT = 384;
    private static final int IMAGE = 1792;

    private final Map<String, Embeddings> analysed = new HashMap<>();
    private final List<Integer> reads = new ArrayList<>();
    private final LuceneContentIndex index = new LuceneContentIndex(ids -> {
        reads.add(ids.size());
        Map<String, Embeddings> found = new HashMap<>();
        ids.forEach(id -> Optional.ofNullable(analysed.get(id)).ifPresent(e -> found.put(id, e)));
        return found;
    });

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void findsVideosThatShareWordsWithTheSeed() {
        index.sync(List.of(video("soup", "Pumpkin soup for cold evenings", 0), video("pie", "Pumpkin pie with cinnamon", 0),
                video("goal", "The winning goal in extra time", 0)));

        Map<String, Match> similar = index.similar(Map.of("soup", 1.0), 10);

        assertThat(similar).as("videos sharing 'pumpkin' with the seed").containsOnlyKeys("pie");
        assertThat(similar.get("pie").because()).isEqualTo("soup");
    }

    @Test
    void severalSeedsTogetherReturnNoMoreThanTheLimitTheClosestFirst() {
        index.sync(List.of(video("soup", "Pumpkin soup", 0), video("stew", "Bean stew", 0),
                video("pumpkin-pie", "Pumpkin pie", 0), video("pumpkin-bread", "Pumpkin bread with pumpkin seeds", 0),
                video("bean-salad", "Bean salad", 0), video("bean-dip", "Bean dip with beans", 0)));

        Map<String, Match> all = index.similar(Map.of("soup", 1.0, "stew", 0.5), 10);
        Map<String, Match> two = index.similar(Map.of("soup", 1.0, "stew", 0.5), 2);

        assertThat(all).as("every video sharing a word with a seed").hasSize(4);
        assertThat(two).as("the limit holds across the seeds together").hasSize(2);
        double weakestKept = two.values().stream().mapToDouble(Match::score).min().orElseThrow();
        double bestLeftOut = all.entrySet().stream().filter(e -> !two.containsKey(e.getKey()))
                .mapToDouble(e -> e.getValue().score()).max().orElseThrow();
        assertThat(weakestKept).as("the weakest of the two kept against the best left out, of %s", all)
                .isGreaterThanOrEqualTo(bestLeftOut);
    }

    @Test
    void aSeedsMatchesByWordsFollowTheIndexWhenAVideoChanges() {
        index.sync(List.of(video("soup", "Pumpkin soup for cold evenings", 0), video("pie", "Pumpkin pie with cinnamon", 0),
                video("goal", "The winning goal in extra time", 0)));
        assertThat(index.similar(Map.of("soup", 1.0), 10)).as("before the pie's title changed").containsOnlyKeys("pie");
        assertThat(index.similar(Map.of("soup", 1.0), 10)).as("asked again").containsOnlyKeys("pie");

        index.sync(List.of(video("soup", "Pumpkin soup for cold evenings", 0), video("pie", "Apple pie with cinnamon", 0),
                video("goal", "Pumpkin carving, the winning goal", 0)));

        assertThat(index.similar(Map.of("soup", 1.0), 10)).as("after the titles changed").containsOnlyKeys("goal");
    }

    @Test
    void changedVideosJoinASeedsKeptMatchesOnceTheyAreAHundredthOfTheIndexAndTheSeedsOwnTextAtOnce() {
        List<Candidate> videos = new ArrayList<>();
        for (int i = 0; i < 298; i++) {
            videos.add(video("filler-" + i, "Match report " + i, 0));
        }
        videos.add(video("soup", "Pumpkin soup for cold evenings", 0));
        videos.add(video("pie", "Pumpkin pie with cinnamon", 0));
        index.sync(videos);
        assertThat(index.similar(Map.of("soup", 1.0), 10)).as("at first").containsOnlyKeys("pie");

        videos.add(video("tart", "Pumpkin tart", 0));
        index.sync(videos);
        assertThat(index.similar(Map.of("soup", 1.0), 10)).as("after one new video of 301, the matches kept")
                .containsOnlyKeys("pie");

        videos.add(video("bread", "Pumpkin bread", 0));
        videos.add(video("risotto", "Pumpkin risotto", 0));
        videos.add(video("scones", "Pumpkin scones", 0));
        index.sync(videos);
        assertThat(index.similar(Map.of("soup", 1.0), 10)).as("after four new videos of 304, found again")
                .containsOnlyKeys("pie", "tart", "bread", "risotto", "scones");

        videos.set(videos.indexOf(video("soup", "Pumpkin soup for cold evenings", 0)), video("soup", "Match report", 0));
        index.sync(videos);
        assertThat(index.similar(Map.of("soup", 1.0), 3)).as("after the seed's own title changed, one change of 304")
                .isNotEmpty().allSatisfy((id, match) -> assertThat(id).startsWith("filler-"));
    }

    @Test
    void findsVideosThatMeanTheSameWithoutSharingAWord() {
        analysed.put("ragu", new Embeddings(axis(TEXT, 0, 1, 0), new float[0]));
        analysed.put("dinner", new Embeddings(axis(TEXT, 0, 0.8, 0.6), new float[0]));
        analysed.put("match", new Embeddings(axis(TEXT, 1, 0, 1), new float[0]));
        index.sync(List.of(video("ragu", "Tagliatelle al ragù", 1), video("dinner", "What we ate on Sunday", 1),
                video("match", "Penalty shootout drama", 1)));

        Map<String, Match> similar = index.similar(Map.of("ragu", 0.5), 10);

        assertThat(similar).as("matches by meaning of %s", similar).containsKey("dinner").doesNotContainKey("match");
        assertThat(similar.get("dinner").score()).as("seed weight times cosine 0.8").isCloseTo(0.4, within(1e-3));
        assertThat(similar.get("dinner").because()).isEqualTo("ragu");
    }

    @Test
    void pairsNearDuplicatePicturesBothWaysAndForgetsThemWhenTheyChange() {
        analysed.put("original", new Embeddings(new float[0], axis(IMAGE, 5, 1, 0.05)));
        analysed.put("reupload", new Embeddings(new float[0], axis(IMAGE, 5, 1, 0.1)));
        analysed.put("other", new Embeddings(new float[0], axis(IMAGE, 5, 1, 1.2)));
        index.sync(List.of(video("original", "Sunset", 1), video("reupload", "sunset!!", 1), video("other", "Sunrise", 1)));

        assertThat(index.nearDuplicates("original")).as("cosine 0.999 to the re-upload, 0.68 to the other").containsExactly("reupload");
        assertThat(index.nearDuplicates("reupload")).containsExactly("original");
        assertThat(index.nearDuplicates("other")).isEmpty();
        assertThat(reads).as("the three videos' embeddings read in one go").containsExactly(3);

        analysed.put("reupload", new Embeddings(new float[0], axis(IMAGE, 7, 1, 0)));
        index.sync(List.of(video("original", "Sunset", 1), video("reupload", "sunset!!", 2), video("other", "Sunrise", 1)));
        assertThat(index.nearDuplicates("original")).as("after the re-upload was analysed again as other pictures").isEmpty();
        assertThat(reads).as("only the video analysed again is read again").containsExactly(3, 1);

        index.sync(List.of(video("other", "Sunrise", 1)));
        assertThat(index.nearDuplicates("reupload")).as("after it was removed").isEmpty();
    }

    private static Candidate video(String id, String text, long analysedAt) {
        return new Candidate(id, "creator-" + id, Instant.EPOCH, 60_000, Optional.empty(), Optional.empty(), text, analysedAt);
    }

    /** A vector with {@code x} at feature {@code i} and {@code y} at feature {@code i + 1} (then made unit by the index). */
    private static float[] axis(int size, int i, double x, double y) {
        float[] v = new float[size];
        v[i] = (float) x;
        v[i + 1] = (float) y;
        return v;
    }
}
