package org.pando.recommend.engine;

import java.io.IOException;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;

/**
 * Lucene's default codec with HNSW vectors of up to {@link #MAX_DIMENSIONS} features, since the image
 * embedding has 1792 and Lucene's default limit is 1024. The files are the standard HNSW format's, under its
 * name, so any Lucene reads them.
 */
final class WideVectorCodec extends Lucene104Codec {
    /** Most features a vector may have. */
    static final int MAX_DIMENSIONS = 2048;
    private static final KnnVectorsFormat WIDE = new WideHnswFormat(new Lucene99HnswVectorsFormat());

    @Override
    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
        return WIDE;
    }

    /** The HNSW format with a higher limit on dimensions; reading and writing are the format's own. */
    private static final class WideHnswFormat extends KnnVectorsFormat {
        private final KnnVectorsFormat format;

        WideHnswFormat(KnnVectorsFormat format) {
            super(format.getName());
            this.format = format;
        }

        @Override
        public KnnVectorsWriter fieldsWriter(SegmentWriteState state) throws IOException {
            return format.fieldsWriter(state);
        }

        @Override
        public KnnVectorsReader fieldsReader(SegmentReadState state) throws IOException {
            return format.fieldsReader(state);
        }

        @Override
        public int getMaxDimensions(String fieldName) {
            return MAX_DIMENSIONS;
        }
    }
}
