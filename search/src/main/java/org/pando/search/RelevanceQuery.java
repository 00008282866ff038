package org.pando.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The ranking: BM25 in each field, a word counting by its best field (title above tags above the channel's name
 * above the description and what is said), the stemmed twins a little below the words as written, and a title
 * or tag word within the allowed typos well below an exact one. A video must have every word of a short query
 * and three quarters of a long one; English stop words only add to the score.
 */
final class RelevanceQuery {
    private static final float TIE_BREAKER = 0.2f;
    private static final List<Weighted> VIDEO_FIELDS = List.of(
            new Weighted(IndexedFields.TITLE, 4f), new Weighted(IndexedFields.TAGS, 3f),
            new Weighted(IndexedFields.CHANNEL, 2.5f), new Weighted(IndexedFields.DESCRIPTION, 1f),
            new Weighted(IndexedFields.TRANSCRIPT, 1f));
    private static final List<Weighted> CUE_FIELDS = List.of(new Weighted(IndexedFields.SAID, 1f));
    private static final List<Weighted> FUZZY_FIELDS = List.of(
            new Weighted(IndexedFields.TITLE, 1.2f), new Weighted(IndexedFields.TAGS, 0.9f));
    /** The weight of a stemmed twin, relative to its field as written. */
    private static final float STEMMED = 0.75f;
    /** Fewest characters a word must begin with exactly to match with a typo: none, so a first letter may be wrong. */
    private static final int FUZZY_PREFIX = 0;
    /** Most index terms one word with typos expands to. */
    private static final int FUZZY_EXPANSIONS = 16;
    /** Most words of one query that are matched with typos, which keeps a long query's clauses bounded. */
    private static final int MAX_FUZZY_WORDS = 8;

    private RelevanceQuery() {
    }

    private record Weighted(String field, float weight) {
    }

    /** What matches the words in a video's own fields, with typos in titles and tags. */
    static Query videos(QueryWords words) {
        int[] fuzzyWords = {0};
        return combine(words, word -> {
            List<Query> alternatives = inFields(word, VIDEO_FIELDS);
            int typos = word.typosAllowed();
            if (typos > 0 && !word.stopWord() && fuzzyWords[0]++ < MAX_FUZZY_WORDS) {
                for (Weighted f : FUZZY_FIELDS) {
                    alternatives.add(new BoostQuery(new FuzzyQuery(new Term(f.field(), word.written()), typos, FUZZY_PREFIX,
                            FUZZY_EXPANSIONS, true), f.weight()));
                }
            }
            return new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
        }, true);
    }

    /** What matches any of the words in one caption: the best caption of a video found is its moment. */
    static Query cues(QueryWords words) {
        return combine(words, word -> new DisjunctionMaxQuery(inFields(word, CUE_FIELDS), TIE_BREAKER), false);
    }

    private static List<Query> inFields(QueryWords.Word word, List<Weighted> fields) {
        List<Query> alternatives = new ArrayList<>();
        for (Weighted f : fields) {
            alternatives.add(new BoostQuery(new TermQuery(new Term(f.field(), word.written())), f.weight()));
            word.stem().ifPresent(stem -> alternatives.add(
                    new BoostQuery(new TermQuery(new Term(IndexedFields.stemmed(f.field()), stem)), f.weight() * STEMMED)));
        }
        return alternatives;
    }

    /**
     * The words' queries together: the words that are not stop words (or all, when all are) must match as
     * {@link QueryWords#required} says, or just one when {@code allRequired} is false; stop words add to the score.
     */
    private static Query combine(QueryWords words, Function<QueryWords.Word, Query> perWord, boolean allRequired) {
        boolean onlyStopWords = words.words().stream().allMatch(QueryWords.Word::stopWord);
        BooleanQuery.Builder content = new BooleanQuery.Builder();
        BooleanQuery.Builder whole = new BooleanQuery.Builder();
        int counted = 0;
        for (QueryWords.Word word : words.words()) {
            Query query = perWord.apply(word);
            if (word.stopWord() && !onlyStopWords) {
                whole.add(query, Occur.SHOULD);
            } else {
                content.add(query, Occur.SHOULD);
                counted++;
            }
        }
        content.setMinimumNumberShouldMatch(allRequired ? QueryWords.required(counted) : 1);
        whole.add(content.build(), Occur.MUST);
        return whole.build();
    }
}
