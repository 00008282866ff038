package org.pando.recommend.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.pando.recommend.Candidate;
import org.pando.recommend.ContentIndex;

/**
 * Content similarity over titles and descriptions, in memory: each seed video's own terms become a BM25
 * query, and a hit's score divided by the seed's score against itself is its similarity, 0 to 1.
 */
public final class LuceneContentIndex implements ContentIndex {
    private static final String ID = "id";
    private static final String TEXT = "text";
    private static final int MAX_SEED_TERMS = 64;
    private static final int MAX_SEEDS = 5;

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, String> texts = new ConcurrentHashMap<>();

    public LuceneContentIndex() {
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void sync(Collection<Candidate> videos) {
        try {
            Set<String> present = new HashSet<>();
            boolean changed = false;
            for (Candidate video : videos) {
                present.add(video.videoId());
                if (!video.text().equals(texts.get(video.videoId()))) {
                    Document doc = new Document();
                    doc.add(new StringField(ID, video.videoId(), Field.Store.YES));
                    doc.add(new TextField(TEXT, video.text(), Field.Store.NO));
                    writer.updateDocument(new Term(ID, video.videoId()), doc);
                    texts.put(video.videoId(), video.text());
                    changed = true;
                }
            }
            for (String gone : Set.copyOf(texts.keySet())) {
                if (!present.contains(gone)) {
                    writer.deleteDocuments(new Term(ID, gone));
                    texts.remove(gone);
                    changed = true;
                }
            }
            if (changed) {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, Match> similar(Map<String, Double> seeds, int limit) {
        Map<String, Match> matches = new HashMap<>();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                seeds.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .limit(MAX_SEEDS)
                        .forEach(seed -> collect(searcher, seed.getKey(), seed.getValue(), seeds.keySet(), limit, matches));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return matches;
    }

    private void collect(IndexSearcher searcher, String seed, double weight, Set<String> seeds, int limit, Map<String, Match> into) {
        String text = texts.get(seed);
        if (text == null) {
            return;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Set<String> terms = terms(text);
        if (terms.isEmpty()) {
            return;
        }
        terms.forEach(t -> query.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD));
        try {
            TopDocs top = searcher.search(query.build(), limit + seeds.size());
            var stored = searcher.storedFields();
            Map<String, Double> hits = new HashMap<>();
            double self = top.scoreDocs.length == 0 ? 0 : top.scoreDocs[0].score;
            for (ScoreDoc hit : top.scoreDocs) {
                String id = stored.document(hit.doc).get(ID);
                if (id.equals(seed)) {
                    self = hit.score;
                }
                hits.put(id, (double) hit.score);
            }
            double normaliser = self;
            hits.forEach((id, score) -> {
                if (seeds.contains(id) || normaliser <= 0) {
                    return;
                }
                double similarity = weight * Math.min(1, score / normaliser);
                Match before = into.get(id);
                if (before == null || similarity > before.score()) {
                    into.put(id, new Match(similarity, seed));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> terms(String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream stream = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && terms.size() < MAX_SEED_TERMS) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
