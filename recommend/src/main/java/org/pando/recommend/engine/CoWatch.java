package org.pando.recommend.engine;

import java.io.DataInput;
import java.io.DataOutput;
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
 * {@code c(a,b) / (√(n(a)·n(b)) + shrink)}. Each video keeps at most {@code maxNeighbours} partners.
 *
 * <p>Videos are numbered as they first appear and partners are held in primitive tables, about 16 bytes a
 * pair, so Gowalla's tens of millions of pairs fit in a few hundred megabytes. One writer at a time
 * ({@link #add} is synchronised); readers lock one video's partners at a time.
 */
final class CoWatch {
    private final float shrink;
    private final int maxNeighbours;
    private final Map<String, Integer> numbers = new ConcurrentHashMap<>();
    private volatile Video[] videos = new Video[1024];
    private int count;

    CoWatch(float shrink, int maxNeighbours) {
        this.shrink = shrink;
        this.maxNeighbours = maxNeighbours;
    }

    /** Records that a viewer who valued {@code earlier} (it may list {@code video} too) now values {@code video}. */
    synchronized void add(Collection<String> earlier, String video) {
        Video v = numbered(video);
        v.valued++;
        for (String other : earlier) {
            if (!other.equals(video)) {
                Video o = numbered(other);
                v.pair(o.number, maxNeighbours);
                o.pair(v.number, maxNeighbours);
            }
        }
    }

    /** Writes every video in the order it was numbered, with how often it was valued and with whom. */
    synchronized void writeTo(DataOutput out) throws IOException {
        Video[] all = videos;
        out.writeInt(count);
        for (int n = 0; n < count; n++) {
            Video v = all[n];
            synchronized (v) {
                out.writeUTF(v.id);
                out.writeFloat(v.valued);
                out.writeInt(v.partners.size());
                for (int p = 0; p < v.partners.size(); p++) {
                    out.writeInt(v.partners.keyAt(p));
                    out.writeFloat(v.together[p]);
                }
            }
        }
    }

    /** Reads what {@link #writeTo} wrote into this empty table; videos get the numbers they had. */
    synchronized void readFrom(DataInput in) throws IOException {
        int videosWritten = in.readInt();
        for (int n = 0; n < videosWritten; n++) {
            Video v = numbered(in.readUTF());
            v.valued = in.readFloat();
            int partners = in.readInt();
            v.together = new float[Math.max(4, partners)];
            for (int p = 0; p < partners; p++) {
                v.partners.add(in.readInt());
                v.together[p] = in.readFloat();
            }
        }
    }

    /**
     * Videos valued together with the viewer's, scored by the weighted sum of similarities, each with the
     * history video that contributes most.
     */
    Map<String, Match> forHistory(Map<String, Double> history, int limit) {
        Scratch sums = Scratch.borrow(videos.length);
        try {
            history.keySet().forEach(id -> {
                Integer n = numbers.get(id);
                if (n != null) {
                    sums.seed(n);
                }
            });
            history.forEach((id, weight) -> {
                Integer n = numbers.get(id);
                if (n != null) {
                    Video seed = videos[n];
                    synchronized (seed) {
                        Video[] all = videos;
                        for (int p = 0; p < seed.partners.size(); p++) {
                            int candidate = seed.partners.keyAt(p);
                            if (!sums.isSeed(candidate)) {
                                double similarity = seed.together[p]
                                        / (Math.sqrt(Math.max(1.0, seed.valued) * Math.max(1.0, all[candidate].valued)) + shrink);
                                sums.add(candidate, weight * similarity, seed.number);
                            }
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

    /** One video: how many viewers valued it and how often with each partner. */
    private static final class Video {
        final String id;
        final int number;
        volatile float valued;
        final IntIndex partners = new IntIndex();
        float[] together = new float[4];

        Video(String id, int number) {
            this.id = id;
            this.number = number;
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
        }
    }

    /**
     * One request's sums, indexed by video number: the summed score of each candidate, its largest part and the seed
     * that gave it, and the candidates in the order first reached. A generation number marks what this request wrote,
     * so nothing is cleared between requests; the arrays are kept in a small pool, since a long history reaches a
     * good part of the catalogue and hashing every partner of every seed cost more than the sums themselves.
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
        private int[] seeds;
        private int generation;

        private Scratch(int capacity) {
            total = new float[capacity];
            best = new float[capacity];
            because = new int[capacity];
            order = new int[64];
            reached = new int[capacity];
            seeds = new int[capacity];
        }

        /** Sums for a table of {@code videos} videos, empty. */
        static Scratch borrow(int videos) {
            Scratch s = POOL.poll();
            if (s == null || s.total.length < videos) {
                s = new Scratch(Math.max(1024, videos));
            }
            if (++s.generation == Integer.MAX_VALUE) {
                Arrays.fill(s.reached, 0);
                Arrays.fill(s.seeds, 0);
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

        void seed(int video) {
            grow(video);
            seeds[video] = generation;
        }

        boolean isSeed(int video) {
            return video < seeds.length && seeds[video] == generation;
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
                seeds = Arrays.copyOf(seeds, n);
            }
        }
    }
}
