package org.pando.search;

import java.util.function.BooleanSupplier;

/** Reads every searchable video from the source into an emptied index. */
final class IndexRebuild {
    /** How many videos are written between two refreshes, so that searches see a rebuild's progress. */
    private static final int REFRESH_EVERY = 1000;

    private IndexRebuild() {
    }

    /** Thrown out of the source's iteration to stop a rebuild early. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("the rebuild was stopped", null, false, false);
        }
    }

    /**
     * Rebuilds the index; when {@code stop} turns true, stops early and leaves the index marked incomplete, so that
     * it is rebuilt again next time.
     *
     * @return how many videos were written, or -1 when stopped early
     */
    static int run(SearchIndex index, SearchSource source, BooleanSupplier stop) {
        index.startRebuild();
        int[] written = {0};
        try {
            source.forEachSearchable(video -> {
                if (stop.getAsBoolean()) {
                    throw new Stopped();
                }
                index.put(video);
                if (++written[0] % REFRESH_EVERY == 0) {
                    index.refresh();
                }
            });
        } catch (Stopped e) {
            return -1;
        }
        index.rebuilt();
        return written[0];
    }
}
