package org.pando.recommend.engine;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        IntIndex seen = new IntIndex();
        history.keySet().forEach(id -> {
            Integer n = numbers.get(id);
            if (n != null) {
                seen.add(n);
            }
        });
        int seeds = seen.size();
        Sums sums = new Sums();
        history.forEach((id, weight) -> {
            Integer n = numbers.get(id);
            if (n != null) {
                Video seed = videos[n];
                synchronized (seed) {
                    Video[] all = videos;
                    for (int p = 0; p < seed.partners.size(); p++) {
                        int candidate = seed.partners.keyAt(p);
                        int at = seen.positionOf(candidate);
                        if (at < 0 || at >= seeds) {
                            double similarity = seed.together[p]
                                    / (Math.sqrt(Math.max(1.0, seed.valued) * Math.max(1.0, all[candidate].valued)) + shrink);
                            sums.add(seen.add(candidate) - seeds, weight * similarity, seed.number);
                        }
                    }
                }
            }
        });
        float[] scores = Arrays.copyOf(sums.total, seen.size() - seeds);
        Video[] all = videos;
        Map<String, Match> top = new HashMap<>();
        for (int p : TopK.select(scores, limit, new int[0])) {
            top.put(all[seen.keyAt(p + seeds)].id, new Match(scores[p], all[sums.because[p]].id));
        }
        return top;
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

    /** Per candidate (by position): the summed score and the seed that gave the largest part. */
    private static final class Sums {
        float[] total = new float[64];
        float[] best = new float[64];
        int[] because = new int[64];

        void add(int position, double part, int seed) {
            if (position == total.length) {
                total = Arrays.copyOf(total, position * 2);
                best = Arrays.copyOf(best, position * 2);
                because = Arrays.copyOf(because, position * 2);
            }
            total[position] += (float) part;
            if (part > best[position]) {
                best[position] = (float) part;
                because[position] = seed;
            }
        }
    }
}
