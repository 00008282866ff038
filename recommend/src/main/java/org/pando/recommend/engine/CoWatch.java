package org.pando.recommend.engine;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.pando.learn.TopK;
import org.pando.recommend.ContentIndex.Match;

/**
 * Item-to-item co-occurrence (ItemKNN) kept up to date one event at a time: when a viewer values a video,
 * it is paired with the videos that viewer valued before. Similarity is the shrunk cosine
 * {@code c(a,b) / (√(n(a)·n(b)) + shrink)}. Each video counts at most {@code maxPartners} partners, and a
 * request reads only each history video's {@code neighbours} most similar ones.
 *
 * <p>Videos are numbered as they first appear and partners are held in primitive tables, about 16 bytes a
 * pair, so Gowalla's tens of millions of pairs fit in a few hundred megabytes. One writer at a time
 * ({@link #add} is synchronised); readers lock one video's partners at a time.
 *
 * <p>A video's nearest neighbours are ranked when a request first needs them and kept until the video has
 * changed enough: at once while it has few partners, otherwise after its counts grew by a twentieth. A
 * feed then adds up a few dozen similarities per history video instead of every partner's, which for
 * popular videos are a thousand.
 */
final class CoWatch {
    private final float shrink;
    private final int maxPartners;
    private final int neighbours;
    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private volatile Video[] videos = new Video[1024];
    private int count;

    CoWatch(float shrink, int maxPartners, int neighbours) {
        this.shrink = shrink;
        this.maxPartners = maxPartners;
        this.neighbours = neighbours;
    }

    /** Records that a viewer who valued {@code earlier} (it may list {@code video} too) now values {@code video}. */
    synchronized void add(Collection<String> earlier, String video) {
        Video v = numbered(video);
        v.valuedOnceMore();
        for (String other : earlier) {
            if (!other.equals(video)) {
                Video o = numbered(other);
                v.pair(o.number, maxPartners);
                o.pair(v.number, maxPartners);
            }
        }
    }

    /**
     * Writes every video in the order it was numbered, with how often it was valued, its partners and how often with
     * each, as two runs of numbers.
     */
    synchronized void writeTo(CheckpointOutput out) throws IOException {
        Video[] all = videos;
        out.writeInt(count);
        for (int n = 0; n < count; n++) {
            Video v = all[n];
            synchronized (v) {
                out.writeUTF(v.id);
                out.writeFloat(v.valued);
                int partners = v.partners.size();
                out.writeInt(partners);
                out.writeInts(v.partners.keys(), partners);
                out.writeFloats(v.together, partners);
            }
        }
    }

    /** Reads what {@link #writeTo} wrote into this empty table; videos get the numbers they had. */
    synchronized void readFrom(CheckpointInput in) throws IOException {
        int videosWritten = in.readInt();
        for (int n = 0; n < videosWritten; n++) {
            Video v = numbered(in.readUTF());
            v.valued = in.readFloat();
            int partners = in.readInt();
            int[] numbers = new int[partners];
            in.readInts(numbers, partners);
            for (int partner : numbers) {
                v.partners.add(partner);
            }
            v.together = new float[Math.max(4, partners)];
            in.readFloats(v.together, partners);
        }
    }

    /**
     * Videos valued together with the viewer's, scored by the weighted sum of similarities, each with the
     * history video that contributes most.
     */
    Map<String, Match> forHistory(Map<String, Double> history, int limit) {
        return forHistory(history, history.keySet(), limit);
    }

    /**
     * Videos valued together with {@code seeds}, scored by the weighted sum of similarities, each with the seed that
     * contributes most; none of {@code valued} (the seeds among them), which the viewer has seen.
     */
    Map<String, Match> forHistory(Map<String, Double> seeds, Collection<String> valued, int limit) {
        Scratch sums = Scratch.borrow(videos.length);
        try {
            for (String id : valued) {
                Integer n = numbers.get(id);
                if (n != null) {
                    sums.leaveOut(n);
                }
            }
            seeds.forEach((id, weight) -> {
                Integer n = numbers.get(id);
                if (n != null) {
                    Video seed = videos[n];
                    Neighbours nearest = seed.nearest(this);
                    for (int i = 0; i < nearest.videos().length; i++) {
                        int candidate = nearest.videos()[i];
                        if (!sums.leftOut(candidate)) {
                            sums.add(candidate, weight * nearest.similarities()[i], seed.number);
                        }
                    }
                }
            });
            float[] scores = new float[sums.touched];
            for (int t = 0; t < sums.touched; t++) {
                scores[t] = sums.total[sums.order[t]];
            }
            Video[] all = videos;
            Map<String, Match> top = new HashMap<>();
            for (int t : TopK.select(scores, limit, new int[0])) {
                int candidate = sums.order[t];
                top.put(all[candidate].id, new Match(scores[t], all[sums.because[candidate]].id));
            }
            return top;
        } finally {
            Scratch.release(sums);
        }
    }

    /** Numbers a video on first sight; only the writer calls it. */
    private Video numbered(String id) {
        Integer n = numbers.get(id);
        if (n != null) {
            return videos[n];
        }
        Video[] all = videos;
        if (count == all.length) {
            all = Arrays.copyOf(all, count * 2);
        }
        Video v = new Video(id, count);
        all[count++] = v;
        videos = all;
        numbers.put(id, v.number);
        return v;
    }

    /**
     * A video's most similar partners, best first: their numbers and similarities.
     *
     * @param videos       partner numbers
     * @param similarities each partner's similarity, as of the ranking
     * @param changes      the video's {@link Video#changes} when ranked
     */
    private record Neighbours(int[] videos, float[] similarities, long changes) {
    }

    /** One video: how many viewers valued it and how often with each partner. */
    private static final class Video {
        /** Below this many partners per neighbour kept, ranking is cheap enough to redo at every change. */
        private static final int CHEAP_RATIO = 2;
        /** The share of change, as a divisor of the counts at ranking, after which a ranking is redone. */
        private static final int STALE_DIVISOR = 20;

        final String id;
        final int number;
        volatile float valued;
        final IntIndex partners = new IntIndex();
        float[] together = new float[4];
        /** How often {@link #valued} or a partner's count grew, under the video's lock. */
        private volatile long changes;
        private volatile Neighbours nearest;

        Video(String id, int number) {
            this.id = id;
            this.number = number;
        }

        synchronized void valuedOnceMore() {
            valued++;
            changes++;
        }

        synchronized void pair(int partner, int max) {
            int p = partners.positionOf(partner);
            if (p < 0) {
                if (partners.size() >= max) {
                    return;
                }
                p = partners.add(partner);
                if (p == together.length) {
                    together = Arrays.copyOf(together, p * 2);
                }
            }
            together[p]++;
            changes++;
        }

        /** The table's number of most similar partners, ranked again first if this video changed enough since. */
        Neighbours nearest(CoWatch table) {
            Neighbours known = nearest;
            if (known != null && fresh(known, table.neighbours)) {
                return known;
            }
            synchronized (this) {
                if (nearest == null || !fresh(nearest, table.neighbours)) {
                    // read under the lock: every partner counted so far is numbered in this table
                    nearest = rank(table.videos, table.shrink, table.neighbours);
                }
                return nearest;
            }
        }

        private boolean fresh(Neighbours known, int limit) {
            long since = changes - known.changes();
            return since == 0 || (partners.size() > CHEAP_RATIO * limit && since * STALE_DIVISOR < known.changes());
        }

        private Neighbours rank(Video[] all, float shrink, int limit) {
            float[] similarity = new float[partners.size()];
            double own = Math.max(1.0, valued);
            for (int p = 0; p < similarity.length; p++) {
                similarity[p] = (float) (together[p] / (Math.sqrt(own * Math.max(1.0, all[partners.keyAt(p)].valued)) + shrink));
            }
            int[] best = TopK.select(similarity, limit, new int[0]);
            int[] videos = new int[best.length];
            float[] similarities = new float[best.length];
            for (int i = 0; i < best.length; i++) {
                videos[i] = partners.keyAt(best[i]);
                similarities[i] = similarity[best[i]];
            }
            return new Neighbours(videos, similarities, changes);
        }
    }

    /**
     * One request's sums, indexed by video number: the summed score of each candidate, its largest part and the seed
     * that gave it, the candidates in the order first reached, and the videos left out. A generation number marks what
     * this request wrote, so nothing is cleared between requests; the arrays are kept in a small pool, since a long
     * history reaches a good part of the catalogue and hashing every partner of every seed cost more than the sums
     * themselves.
     */
    private static final class Scratch {
        private static final int POOLED = 4;
        private static final Queue<Scratch> POOL = new ConcurrentLinkedQueue<>();

        float[] total;
        float[] best;
        int[] because;
        /** The candidates, by number, in the order first reached; {@link #touched} of them. */
        int[] order;
        int touched;
        private int[] reached;
        private int[] excluded;
        private int generation;

        private Scratch(int capacity) {
            total = new float[capacity];
            best = new float[capacity];
            because = new int[capacity];
            order = new int[64];
            reached = new int[capacity];
            excluded = new int[capacity];
        }

        /** Sums for a table of {@code videos} videos, empty. */
        static Scratch borrow(int videos) {
            Scratch s = POOL.poll();
            if (s == null || s.total.length < videos) {
                s = new Scratch(Math.max(1024, videos));
            }
            if (++s.generation == Integer.MAX_VALUE) {
                Arrays.fill(s.reached, 0);
                Arrays.fill(s.excluded, 0);
                s.generation = 1;
            }
            s.touched = 0;
            return s;
        }

        static void release(Scratch s) {
            if (POOL.size() < POOLED) {
                POOL.offer(s);
            }
        }

        void leaveOut(int video) {
            grow(video);
            excluded[video] = generation;
        }

        boolean leftOut(int video) {
            return video < excluded.length && excluded[video] == generation;
        }

        void add(int candidate, double part, int seed) {
            grow(candidate);
            if (reached[candidate] != generation) {
                reached[candidate] = generation;
                total[candidate] = 0;
                best[candidate] = 0;
                if (touched == order.length) {
                    order = Arrays.copyOf(order, touched * 2);
                }
                order[touched++] = candidate;
            }
            total[candidate] += (float) part;
            if (part > best[candidate]) {
                best[candidate] = (float) part;
                because[candidate] = seed;
            }
        }

        /** Room for a video numbered after the table was measured, as the writer may number one meanwhile. */
        private void grow(int video) {
            if (video >= total.length) {
                int n = Math.max(video + 1, total.length * 2);
                total = Arrays.copyOf(total, n);
                best = Arrays.copyOf(best, n);
                because = Arrays.copyOf(because, n);
                reached = Arrays.copyOf(reached, n);
                excluded = Arrays.copyOf(excluded, n);
            }
        }
    }
}
