package org.pando.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The index's documents: one per video, and one per caption of what is said in it, all carrying the video's id
 * so that they are replaced and removed together. Text fields come in pairs, as written and stemmed
 * ({@code title}, {@code title_en}); see {@link TextAnalysis}.
 */
final class IndexedFields {
    /** Which kind of document: {@link #VIDEO} or {@link #CUE}. */
    static final String KIND = "kind";
    static final String VIDEO = "video";
    static final String CUE = "cue";
    /** The video's id, on every document of the video; stored on the video's own. */
    static final String ID = "id";

    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String TAGS = "tags";
    static final String CHANNEL = "channel";
    static final String TRANSCRIPT = "transcript";
    /** A caption's text, on cue documents. */
    static final String SAID = "said";
    /** Titles and tags as whole words, for completions. */
    static final String WORDS = "words";
    static final String LANGUAGE = "language";
    static final String DURATION_MS = "duration_ms";
    static final String PUBLISHED_MS = "published_ms";
    /** Stored on cue documents: when the caption starts, in seconds. */
    static final String START = "start";
    /** Stored on video documents: each tag, for completions. */
    static final String TAG = "tag";

    /** The suffix of a field's stemmed twin. */
    private static final String STEMMED = "_en";

    private IndexedFields() {
    }

    /** The stemmed twin of a text field. */
    static String stemmed(String field) {
        return field + STEMMED;
    }

    /** The analyzer of every field: stemmed twins stem, completion words stay whole, the rest as written. */
    static Analyzer analyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        for (String field : List.of(TITLE, DESCRIPTION, TAGS, CHANNEL, TRANSCRIPT, SAID)) {
            perField.put(stemmed(field), TextAnalysis.STEMMED);
        }
        perField.put(WORDS, TextAnalysis.WORDS);
        return new PerFieldAnalyzerWrapper(TextAnalysis.WRITTEN, perField);
    }

    /** The documents of one video: the video's own first, then one per caption. */
    static List<Document> documents(SearchableVideo video) {
        List<Document> documents = new ArrayList<>();
        documents.add(videoDocument(video));
        for (TranscriptCue cue : video.transcript()) {
            if (!cue.text().isBlank()) {
                documents.add(cueDocument(video.id(), cue));
            }
        }
        return documents;
    }

    private static Document videoDocument(SearchableVideo video) {
        Document doc = new Document();
        doc.add(new StringField(KIND, VIDEO, Field.Store.NO));
        doc.add(new StringField(ID, video.id(), Field.Store.YES));
        text(doc, TITLE, video.title());
        text(doc, DESCRIPTION, video.description());
        video.tags().forEach(tag -> {
            text(doc, TAGS, tag);
            doc.add(new StoredField(TAG, tag));
            doc.add(new TextField(WORDS, tag, Field.Store.NO));
        });
        text(doc, CHANNEL, video.channelHandle() + " " + video.channelName());
        video.transcript().forEach(cue -> text(doc, TRANSCRIPT, cue.text()));
        doc.add(new StoredField(TITLE, video.title()));
        doc.add(new TextField(WORDS, video.title(), Field.Store.NO));
        video.languages().forEach(language -> doc.add(new StringField(LANGUAGE, language, Field.Store.NO)));
        doc.add(new LongPoint(DURATION_MS, video.durationMs()));
        doc.add(new LongPoint(PUBLISHED_MS, video.publishedAt().toEpochMilli()));
        return doc;
    }

    private static Document cueDocument(String videoId, TranscriptCue cue) {
        Document doc = new Document();
        doc.add(new StringField(KIND, CUE, Field.Store.NO));
        doc.add(new StringField(ID, videoId, Field.Store.NO));
        text(doc, SAID, cue.text());
        doc.add(new StoredField(SAID, cue.text()));
        doc.add(new StoredField(START, cue.start()));
        return doc;
    }

    /** A text in a field and in its stemmed twin. */
    private static void text(Document doc, String field, String text) {
        doc.add(new TextField(field, text, Field.Store.NO));
        doc.add(new TextField(stemmed(field), text, Field.Store.NO));
    }
}
