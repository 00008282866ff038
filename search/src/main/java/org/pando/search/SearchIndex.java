package org.pando.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The Lucene index in its directory: documents in, ranked videos and captions out. Its commits carry the
 * version of the document layout it was written with; an index of another version, an unreadable one, or one
 * whose rebuild was cut short reports that it {@linkplain #needsRebuild() needs rebuilding}.
 */
final class SearchIndex implements AutoCloseable {
    /** The version of the documents' layout and analysis; raise it whenever either changes, and indexes rebuild. */
    static final String SCHEMA_VERSION = "1";
    private static final String SCHEMA_KEY = "pando.search.schema";
    private static final String INCOMPLETE = "incomplete";
    private static final System.Logger LOG = System.getLogger(SearchIndex.class.getName());

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private volatile boolean needsRebuild;

    private SearchIndex(Directory directory, IndexWriter writer, boolean needsRebuild) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.needsRebuild = needsRebuild;
    }

    /**
     * Opens the index in this directory, starting an empty one when there is none or it cannot be read.
     *
     * @throws SearchIndexInUse when another process holds it
     */
    static SearchIndex open(Path path) {
        Directory directory = null;
        try {
            directory = FSDirectory.open(path);
            String found = schemaVersion(directory);
            boolean usable = found.equals(SCHEMA_VERSION);
            if (!usable && !found.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "The search index in " + path + " is of version '" + found
                        + "', not " + SCHEMA_VERSION + "; it is rebuilt from the database.");
            }
            IndexWriterConfig config = new IndexWriterConfig(IndexedFields.analyzer())
                    .setOpenMode(usable ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE);
            IndexWriter writer = new IndexWriter(directory, config);
            return new SearchIndex(directory, writer, !usable);
        } catch (LockObtainFailedException e) {
            closeQuietly(directory);
            throw new SearchIndexInUse(path, e);
        } catch (IOException e) {
            closeQuietly(directory);
            throw new UncheckedIOException("The search index in " + path + " cannot be opened", e);
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory == null) {
            return;
        }
        try {
            directory.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing the search index's directory failed", e);
        }
    }

    /** The layout version of the last commit; empty when there is no index or it cannot be read. */
    private static String schemaVersion(Directory directory) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return "";
        }
        try {
            return SegmentInfos.readLatestCommit(directory).getUserData().getOrDefault(SCHEMA_KEY, INCOMPLETE);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            LOG.log(System.Logger.Level.WARNING, "The search index cannot be read (" + e.getMessage()
                    + "); it is rebuilt from the database.");
            return INCOMPLETE;
        }
    }

    /** Whether the index was missing, of another version, unreadable, or its last rebuild did not finish. */
    boolean needsRebuild() {
        return needsRebuild;
    }

    /** Adds or replaces a video's documents. */
    void put(SearchableVideo video) {
        try {
            writer.updateDocuments(new Term(IndexedFields.ID, video.id()), IndexedFields.documents(video));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes a video's documents, if any. */
    void remove(String videoId) {
        try {
            writer.deleteDocuments(new Term(IndexedFields.ID, videoId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a rebuild: drops every document and marks the index incomplete until {@link #rebuilt()}. */
    void startRebuild() {
        try {
            needsRebuild = true;
            writer.deleteAll();
            commit(INCOMPLETE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends a rebuild: the index is complete in this version. */
    void rebuilt() {
        commit(SCHEMA_VERSION);
        needsRebuild = false;
    }

    /** Makes the changes so far durable and visible to searches. */
    void commit() {
        commit(needsRebuild ? INCOMPLETE : SCHEMA_VERSION);
    }

    private void commit(String version) {
        try {
            writer.setLiveCommitData(Map.of(SCHEMA_KEY, version).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes the changes so far visible to searches, without waiting for the disk. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many videos the index holds. */
    int videoCount() {
        return withSearcher(searcher -> searcher.count(kind(IndexedFields.VIDEO)));
    }

    /**
     * The best videos for a query and filters, from the first: {@code count} of them at most.
     *
     * @param now the time the date filter counts back from
     */
    List<Ranked> videos(Query relevance, SearchQuery filters, Instant now, int count) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(relevance, Occur.MUST)
                .add(kind(IndexedFields.VIDEO), Occur.FILTER);
        filters.language().ifPresent(l -> query.add(new TermQuery(new Term(IndexedFields.LANGUAGE, l)), Occur.FILTER));
        filters.duration().ifPresent(d -> query.add(LongPoint.newRangeQuery(IndexedFields.DURATION_MS, d.fromMs(), d.toMs()),
                Occur.FILTER));
        filters.published().ifPresent(p -> query.add(LongPoint.newRangeQuery(IndexedFields.PUBLISHED_MS,
                now.minus(p.age()).toEpochMilli(), Long.MAX_VALUE), Occur.FILTER));
        return videos(query.build(), count);
    }

    /** The caption of this video that matches the query best, if any does. */
    Optional<SpokenMoment> bestCue(Query said, String videoId) {
        Query query = new BooleanQuery.Builder().add(said, Occur.MUST).add(kind(IndexedFields.CUE), Occur.FILTER)
                .add(new TermQuery(new Term(IndexedFields.ID, videoId)), Occur.FILTER).build();
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(query, 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document doc = searcher.storedFields().document(top.scoreDocs[0].doc);
            return Optional.of(new SpokenMoment(doc.getField(IndexedFields.START).numericValue().doubleValue(),
                    doc.get(IndexedFields.SAID)));
        });
    }

    /** The videos whose titles and tags have all these words and a word beginning with {@code prefix}. */
    List<Ranked> completing(List<String> words, Optional<String> prefix, int count) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(kind(IndexedFields.VIDEO), Occur.FILTER);
        words.forEach(w -> query.add(new TermQuery(new Term(IndexedFields.WORDS, w)), Occur.MUST));
        prefix.ifPresent(p -> query.add(new PrefixQuery(new Term(IndexedFields.WORDS, p)), Occur.MUST));
        return videos(query.build(), count);
    }

    private List<Ranked> videos(Query query, int count) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(query, count);
            StoredFields stored = searcher.storedFields();
            List<Ranked> ranked = new ArrayList<>();
            for (ScoreDoc hit : top.scoreDocs) {
                Document doc = stored.document(hit.doc);
                ranked.add(new Ranked(doc.get(IndexedFields.ID), hit.score, doc.get(IndexedFields.TITLE),
                        List.of(doc.getValues(IndexedFields.TAG))));
            }
            return ranked;
        });
    }

    /**
     * A video the index found, with its stored title and tags.
     *
     * @param videoId the video
     * @param score   how well it matched
     * @param title   its title
     * @param tags    its tags
     */
    record Ranked(String videoId, float score, String title, List<String> tags) {
    }

    private static Query kind(String kind) {
        return new TermQuery(new Term(IndexedFields.KIND, kind));
    }

    @FunctionalInterface
    private interface Reading<T> {
        T read(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(Reading<T> reading) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return reading.read(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            commit();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
