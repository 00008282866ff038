package org.pando.recommend.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjDoubleConsumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.VectorUtil;
import org.pando.recommend.Candidate;
import org.pando.recommend.ContentIndex;
import org.pando.recommend.VideoEmbeddings;
import org.pando.recommend.VideoEmbeddings.Embeddings;

/**
 * Content similarity in memory, by words and by meaning. Each seed video's own terms become a BM25 query, and a
 * hit's score divided by the seed's score against itself is its similarity, 0 to 1. Once a video is analysed,
 * its sentence embedding (title, description, tags, transcript) is searched in an HNSW graph too, and the cosine
 * counts when it is higher. Image embeddings, in a second graph, tell which videos are near-duplicates.
 */
public final class LuceneContentIndex implements ContentIndex {
    /**
     * Cosine of two videos' image embeddings from which they count as the same pictures. Measured on the shared
     * media (understanding's {@code VisualStepTest}): above 0.95 for a picture and its smaller recompressed copy;
     * 0.45 to 0.83 between different clips, 0.71 for two clips of one person at one webcam.
     */
    static final double NEAR_DUPLICATE = 0.95;
    private static final String ID = "id";
    private static final String TEXT = "text";
    private static final String TEXT_VECTOR = "text_vector";
    private static final String IMAGE_VECTOR = "image_vector";
    private static final int MAX_SEED_TERMS = 64;
    private static final int MAX_SEEDS = 5;
    private static final int DUPLICATE_CANDIDATES = 16;
    /** Most seeds whose word matches (ids and similarities) are kept; beyond it the memory starts over. */
    private static final int MAX_KEPT_SEEDS = 100_000;
    /**
     * Share of the index that videos added, retitled or removed may make up before the kept word matches are found
     * again: such a video enters (or leaves) other seeds' kept matches only then, and at once on a small instance,
     * where one video is already that share. A seed's own text changing is seen at once.
     */
    private static final double CHANGED_SHARE_BEFORE_FORGETTING = 0.01;
    /** Closest first, ties to the smaller id. */
    private static final Comparator<Map.Entry<String, Match>> CLOSEST_FIRST = (a, b) -> {
        int byScore = Double.compare(b.getValue().score(), a.getValue().score());
        return byScore != 0 ? byScore : a.getKey().compareTo(b.getKey());
    };

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final VideoEmbeddings embeddings;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** What the index holds of each video, by id. */
    private final Map<String, Indexed> indexed = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> duplicates = new ConcurrentHashMap<>();
    /**
     * Each seed's matches by words (0 to 1), as the index read them: a feed asks again and again about the same
     * watched videos, and the answer changes only when the index does. Kept until the seed's text changes, or until
     * the videos whose words changed make up {@link #CHANGED_SHARE_BEFORE_FORGETTING} of the index.
     */
    private final Map<String, WordMatches> wordMatches = new ConcurrentHashMap<>();
    /** Counts the times the kept word matches were forgotten; kept matches are good for the count they were found at. */
    private volatile long generation;
    /** Videos added, retitled or removed since the kept word matches were last forgotten. */
    private int changedSinceForgetting;

    /**
     * A video as indexed.
     *
     * @param id         its id, the one instance that word matches refer to
     * @param text       the text indexed
     * @param analysedAt when its analysis was read, 0 before one
     * @param meaning    whether its sentence embedding is indexed
     */
    private record Indexed(String id, String text, long analysedAt, boolean meaning) {
    }

    /** A seed's matches by words, found from {@code text}: ids and similarities, in the same order. */
    private record WordMatches(long generation, String text, String[] ids, float[] similarity) {
    }

    /** An index of titles, descriptions and tags alone. */
    public LuceneContentIndex() {
        this(VideoEmbeddings.NONE);
    }

    /** An index that also reads each analysed video's embeddings from {@code embeddings}. */
    public LuceneContentIndex(VideoEmbeddings embeddings) {
        this.embeddings = embeddings;
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setCodec(new WideVectorCodec()));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void sync(Collection<Candidate> videos) {
        try {
            Set<String> present = new HashSet<>();
            List<Candidate> changed = new ArrayList<>();
            for (Candidate video : videos) {
                present.add(video.videoId());
                Indexed before = indexed.get(video.videoId());
                if (before == null || !video.text().equals(before.text()) || before.analysedAt() != video.analysedAt()) {
                    changed.add(video);
                }
            }
            Map<String, Embeddings> vectors = embeddings.of(changed.stream().filter(c -> c.analysedAt() > 0).map(Candidate::videoId).toList());
            Map<String, float[]> newImages = new HashMap<>();
            Set<String> touched = new HashSet<>();
            int wordsChanged = 0;
            for (Candidate video : changed) {
                Optional<Embeddings> found = Optional.ofNullable(vectors.get(video.videoId()))
                        .map(v -> new Embeddings(unit(v.text()), unit(v.image())));
                writer.updateDocument(new Term(ID, video.videoId()), document(video, found));
                Indexed before = indexed.put(video.videoId(), new Indexed(video.videoId(), video.text(), video.analysedAt(),
                        found.map(e -> e.text().length > 0).orElse(false)));
                if (before == null || !before.text().equals(video.text())) {
                    wordsChanged++;
                }
                touched.add(video.videoId());
                found.map(Embeddings::image).filter(v -> v.length > 0).ifPresent(v -> newImages.put(video.videoId(), v));
            }
            for (String gone : Set.copyOf(indexed.keySet())) {
                if (!present.contains(gone)) {
                    writer.deleteDocuments(new Term(ID, gone));
                    indexed.remove(gone);
                    wordsChanged++;
                    touched.add(gone);
                }
            }
            if (!touched.isEmpty()) {
                searchers.maybeRefreshBlocking();
                changedSinceForgetting += wordsChanged;
                if (changedSinceForgetting > 0 && changedSinceForgetting >= CHANGED_SHARE_BEFORE_FORGETTING * indexed.size()) {
                    generation++;
                    wordMatches.clear();
                    changedSinceForgetting = 0;
                }
                touched.forEach(this::forgetDuplicates);
                findDuplicates(newImages);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The video's document; its vectors, when it has them, are unit vectors already (or empty). */
    private static Document document(Candidate video, Optional<Embeddings> vectors) {
        Document doc = new Document();
        doc.add(new StringField(ID, video.videoId(), Field.Store.YES));
        doc.add(new TextField(TEXT, video.text(), Field.Store.NO));
        vectors.ifPresent(v -> {
            float[] text = v.text();
            if (text.length > 0) {
                doc.add(new KnnFloatVectorField(TEXT_VECTOR, text, VectorSimilarityFunction.DOT_PRODUCT));
            }
            float[] image = v.image();
            if (image.length > 0) {
                doc.add(new KnnFloatVectorField(IMAGE_VECTOR, image, VectorSimilarityFunction.DOT_PRODUCT));
            }
        });
        return doc;
    }

    @Override
    public Map<String, Match> similar(Map<String, Double> seeds, int limit) {
        Map<String, Match> matches = new HashMap<>();
        long current = generation; // read before the searcher, so matches are never kept as newer than they are
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                seeds.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .limit(MAX_SEEDS)
                        .forEach(seed -> {
                            collectByWords(searcher, current, seed.getKey(), seed.getValue(), seeds.keySet(), limit, matches);
                            collectByMeaning(searcher, seed.getKey(), seed.getValue(), seeds.keySet(), limit, matches);
                        });
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return best(matches, limit);
    }

    /**
     * The {@code limit} closest matches, ties to the smaller id: each seed adds its own {@code limit}. A heap of the
     * closest so far, whose farthest a further match must beat: most are turned away by one comparison.
     */
    private static Map<String, Match> best(Map<String, Match> matches, int limit) {
        if (matches.size() <= limit) {
            return matches;
        }
        PriorityQueue<Map.Entry<String, Match>> closest = new PriorityQueue<>(limit + 1, CLOSEST_FIRST.reversed());
        for (Map.Entry<String, Match> match : matches.entrySet()) {
            if (closest.size() < limit) {
                closest.add(match);
            } else if (CLOSEST_FIRST.compare(match, closest.peek()) < 0) {
                closest.poll();
                closest.add(match);
            }
        }
        Map<String, Match> best = HashMap.newHashMap(limit);
        closest.forEach(e -> best.put(e.getKey(), e.getValue()));
        return best;
    }

    @Override
    public Set<String> nearDuplicates(String videoId) {
        return duplicates.getOrDefault(videoId, Set.of());
    }

    private void collectByWords(IndexSearcher searcher, long current, String seed, double weight, Set<String> seeds, int limit,
            Map<String, Match> into) {
        int wanted = limit + seeds.size();
        String key = seed + "\u0000" + wanted;
        WordMatches kept = wordMatches.get(key);
        Indexed video = indexed.get(seed);
        String text = video == null ? "" : video.text();
        if (kept == null || kept.generation() != current || !kept.text().equals(text)) {
            kept = searchByWords(searcher, current, seed, text, wanted);
            if (wordMatches.size() >= MAX_KEPT_SEEDS) {
                wordMatches.clear();
            }
            wordMatches.put(key, kept);
        }
        String[] ids = kept.ids();
        float[] similarity = kept.similarity();
        for (int i = 0; i < ids.length; i++) {
            if (!seeds.contains(ids[i])) {
                keepBest(into, ids[i], weight * similarity[i], seed);
            }
        }
    }

    /** The seed's own terms as a BM25 query: each hit's score over the seed's score against itself, 0 to 1. */
    private WordMatches searchByWords(IndexSearcher searcher, long current, String seed, String text, int wanted) {
        Set<String> terms = terms(text);
        WordMatches none = new WordMatches(current, text, new String[0], new float[0]);
        if (terms.isEmpty()) {
            return none;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        terms.forEach(t -> query.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD));
        try {
            TopDocs top = searcher.search(query.build(), wanted);
            var stored = searcher.storedFields();
            List<String> ids = new ArrayList<>();
            List<Float> scores = new ArrayList<>();
            float self = top.scoreDocs.length == 0 ? 0 : top.scoreDocs[0].score;
            for (ScoreDoc hit : top.scoreDocs) {
                String id = stored.document(hit.doc).get(ID);
                if (id.equals(seed)) {
                    self = hit.score;
                }
                Indexed known = indexed.get(id);
                if (known != null) { // the one instance of the id, not the copy just read
                    ids.add(known.id());
                    scores.add(hit.score);
                }
            }
            if (self <= 0) {
                return none;
            }
            float[] similarity = new float[scores.size()];
            for (int i = 0; i < similarity.length; i++) {
                similarity[i] = Math.min(1, scores.get(i) / self);
            }
            return new WordMatches(current, text, ids.toArray(String[]::new), similarity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Videos whose sentence embedding is close to the seed's, by cosine; nothing for a seed not analysed. */
    private void collectByMeaning(IndexSearcher searcher, String seed, double weight, Set<String> seeds, int limit,
            Map<String, Match> into) {
        Indexed video = indexed.get(seed);
        if (video == null || !video.meaning()) {
            return;
        }
        try {
            float[] vector = storedVector(searcher, TEXT_VECTOR, seed);
            if (vector == null) {
                return;
            }
            forEachNeighbour(searcher, TEXT_VECTOR, vector, limit + seeds.size(), (id, cosine) -> {
                if (!seeds.contains(id) && cosine > 0) {
                    keepBest(into, id, weight * cosine, seed);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keepBest(Map<String, Match> into, String id, double similarity, String seed) {
        Match before = into.get(id);
        if (before == null || similarity > before.score()) {
            into.put(id, new Match(similarity, seed));
        }
    }

    /** Pairs each newly indexed picture with the videos whose pictures are nearly the same, both ways. */
    private void findDuplicates(Map<String, float[]> images) throws IOException {
        if (images.isEmpty()) {
            return;
        }
        IndexSearcher searcher = searchers.acquire();
        try {
            for (Map.Entry<String, float[]> image : images.entrySet()) {
                String id = image.getKey();
                forEachNeighbour(searcher, IMAGE_VECTOR, image.getValue(), DUPLICATE_CANDIDATES, (other, cosine) -> {
                    if (!other.equals(id) && cosine >= NEAR_DUPLICATE) {
                        link(id, other);
                        link(other, id);
                    }
                });
            }
        } finally {
            searchers.release(searcher);
        }
    }

    private void link(String a, String b) {
        duplicates.merge(a, Set.of(b), (known, added) -> {
            Set<String> both = new HashSet<>(known);
            both.addAll(added);
            return Set.copyOf(both);
        });
    }

    private void forgetDuplicates(String id) {
        Set<String> others = duplicates.remove(id);
        if (others == null) {
            return;
        }
        for (String other : others) {
            duplicates.computeIfPresent(other, (k, known) -> {
                Set<String> rest = new HashSet<>(known);
                rest.remove(id);
                return rest.isEmpty() ? null : Set.copyOf(rest);
            });
        }
    }

    /** Calls {@code hit} with each of the {@code k} nearest videos and its cosine to {@code target}. */
    private static void forEachNeighbour(IndexSearcher searcher, String field, float[] target, int k,
            ObjDoubleConsumer<String> hit) throws IOException {
        TopDocs top = searcher.search(new KnnFloatVectorQuery(field, target, k), k);
        var stored = searcher.storedFields();
        for (ScoreDoc doc : top.scoreDocs) {
            // Lucene scores unit vectors' dot product d as (1 + d) / 2
            hit.accept(stored.document(doc.doc).get(ID), 2.0 * doc.score - 1);
        }
    }

    /** The vector a video was indexed with, or null when it has none. */
    private static float[] storedVector(IndexSearcher searcher, String field, String id) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(ID, id)), 1);
        if (top.scoreDocs.length == 0) {
            return null;
        }
        int doc = top.scoreDocs[0].doc;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator position = values.iterator();
        int inLeaf = doc - leaf.docBase;
        return position.advance(inLeaf) == inLeaf ? values.vectorValue(position.index()).clone() : null;
    }

    /** The vector scaled to length 1; empty for an empty or all-zero vector. */
    static float[] unit(float[] vector) {
        if (vector.length == 0 || VectorUtil.dotProduct(vector, vector) == 0) {
            return new float[0];
        }
        return VectorUtil.l2normalize(vector.clone());
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
