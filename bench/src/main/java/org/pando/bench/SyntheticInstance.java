package org.pando.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.pando.account.Account;
import org.pando.account.PasswordHasher;
import org.pando.catalog.Channel;
import org.pando.catalog.Publication;
import org.pando.catalog.Video;
import org.pando.catalog.VideoKind;
import org.pando.catalog.VideoStatus;
import org.pando.learn.Progress;
import org.pando.events.EventLog;
import org.pando.events.EventType;
import org.pando.events.Surface;
import org.pando.events.UserEvent;
import org.pando.store.BulkLoad;

/**
 * A made-up instance for load runs, the same for the same shape: creators with one channel each, viewers, videos of
 * thirty countries with a power-law popularity and log-normal durations, and a week of watching in the event log.
 *
 * <p>Ids follow the index ({@code v000000042}, {@code u000000007}), so a load generator can name any video or viewer
 * without reading the database. Every account signs in with {@link #PASSWORD}.
 *
 * <pre>{@code
 * SyntheticInstance instance = new SyntheticInstance(new Shape(1_000_000, 1_000_000, 50_000, 50_000_000L, 42), now);
 * instance.writeCatalog(new BulkLoad(database.jdbi()), hasher, progress);
 * instance.writeHistory(segmentLog, progress);
 * }</pre>
 */
final class SyntheticInstance {
    /** The password of every generated account. */
    static final String PASSWORD = "synthetic-instance";
    /** Thirty countries with their main language. */
    static final List<String[]> COUNTRIES = List.of(
            new String[] {"US", "en"}, new String[] {"BR", "pt"}, new String[] {"IN", "hi"}, new String[] {"ID", "id"},
            new String[] {"KR", "ko"}, new String[] {"JP", "ja"}, new String[] {"CN", "zh"}, new String[] {"MX", "es"},
            new String[] {"DE", "de"}, new String[] {"FR", "fr"}, new String[] {"GB", "en"}, new String[] {"TR", "tr"},
            new String[] {"VN", "vi"}, new String[] {"TH", "th"}, new String[] {"PH", "tl"}, new String[] {"EG", "ar"},
            new String[] {"NG", "en"}, new String[] {"PK", "ur"}, new String[] {"BD", "bn"}, new String[] {"RU", "ru"},
            new String[] {"IT", "it"}, new String[] {"ES", "es"}, new String[] {"PL", "pl"}, new String[] {"AR", "es"},
            new String[] {"CO", "es"}, new String[] {"SA", "ar"}, new String[] {"UA", "uk"}, new String[] {"KE", "sw"},
            new String[] {"NL", "nl"}, new String[] {"SE", "sv"});
    private static final String[] TOPICS = {"cooking", "street food", "dance", "football", "cats", "guitar", "travel",
            "makeup", "gardening", "chess", "cycling", "baking", "fishing", "painting", "skateboarding", "karaoke"};
    private static final String[] MOODS = {"quick", "easy", "funny", "relaxing", "amazing", "daily", "first", "late-night"};
    private static final int ROWS = 10_000;
    /** The share of a viewer's watching spent on videos of their own country. */
    private static final double LOCAL_SHARE = 0.7;
    private static final double POPULARITY_EXPONENT = 1.05;
    private static final Duration HISTORY = Duration.ofDays(7);

    /**
     * How big the instance is.
     *
     * @param videos   videos, {@code v000000000} on
     * @param users    viewers with an account, {@code u000000000} on
     * @param creators creators, each an account ({@code c000000000} on) with one channel
     * @param events   events of the week of watching written to the log
     * @param seed     what makes two instances of one shape equal
     */
    record Shape(int videos, int users, int creators, long events, long seed) {
    }

    private final Shape shape;
    private final Instant now;
    /** Cumulative popularity of the videos in rank order; rank r is video {@code (r * stride) % videos}. */
    private final double[] cumulative;
    private final int stride;

    SyntheticInstance(Shape shape, Instant now) {
        this.shape = shape;
        this.now = now;
        this.cumulative = new double[shape.videos()];
        double sum = 0;
        for (int r = 0; r < shape.videos(); r++) {
            sum += Math.pow(r + 1, -POPULARITY_EXPONENT);
            cumulative[r] = sum;
        }
        this.stride = coprimeStride(shape.videos());
    }

    Shape shape() {
        return shape;
    }

    static String videoId(int i) {
        return String.format(Locale.ROOT, "v%09d", i);
    }

    static String userId(int i) {
        return String.format(Locale.ROOT, "u%09d", i);
    }

    static String creatorId(int i) {
        return String.format(Locale.ROOT, "c%09d", i);
    }

    /** The channel of creator {@code i}. */
    static String channelId(int i) {
        return String.format(Locale.ROOT, "h%09d", i);
    }

    /** The video at a popularity drawn from the power law: a few videos are drawn often, most rarely. */
    int popularVideo(SplittableRandom random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (int) ((long) lo * stride % shape.videos());
    }

    /** The country index of a video, a viewer or a creator: spread by a fixed hash, the first countries larger. */
    static int country(long i) {
        long h = (i * 0x9E3779B97F4A7C15L) >>> 33;
        double u = (h % 1_000_000) / 1_000_000.0;
        return (int) Math.min(COUNTRIES.size() - 1, Math.floor(COUNTRIES.size() * u * u));
    }

    private int creatorOf(int video) {
        return (int) ((video * 2_654_435_761L) % shape.creators());
    }

    /** Milliseconds of a video: log-normal around 35 s, from 3 s to 15 minutes. */
    long durationMs(int video) {
        SplittableRandom r = new SplittableRandom(shape.seed() * 31 + video);
        double seconds = 35 * Math.exp(r.nextGaussian());
        return (long) (Math.max(3, Math.min(900, seconds)) * 1000);
    }

    /** Writes the creators, their channels, the viewers and the videos. */
    void writeCatalog(BulkLoad load, PasswordHasher hasher, Progress progress) {
        String hash = hasher.hash(PASSWORD);
        Instant created = now.minus(Duration.ofDays(60));
        for (int from = 0; from < shape.creators(); from += ROWS) {
            List<Account> accounts = new ArrayList<>();
            List<Channel> channels = new ArrayList<>();
            for (int i = from; i < Math.min(shape.creators(), from + ROWS); i++) {
                accounts.add(account(creatorId(i), "creator" + i, i, created));
                channels.add(Channel.created(channelId(i), creatorId(i), "channel" + i,
                        "Channel " + i, "Everyday videos from channel " + i + ".", created));
            }
            load.accounts(accounts, hash);
            load.channels(channels);
            progress.report("creators", (double) from / shape.creators());
        }
        for (int from = 0; from < shape.users(); from += ROWS) {
            List<Account> accounts = new ArrayList<>();
            for (int i = from; i < Math.min(shape.users(), from + ROWS); i++) {
                accounts.add(account(userId(i), "viewer" + i, shape.creators() + i, created));
            }
            load.accounts(accounts, hash);
            progress.report("viewers", (double) from / shape.users());
        }
        for (int from = 0; from < shape.videos(); from += ROWS) {
            List<Video> videos = new ArrayList<>();
            for (int i = from; i < Math.min(shape.videos(), from + ROWS); i++) {
                videos.add(video(i));
            }
            load.videos(videos);
            progress.report("videos", (double) from / shape.videos());
        }
    }

    private Account account(String id, String username, long countryKey, Instant created) {
        String[] country = COUNTRIES.get(country(countryKey));
        return new Account(id, username, username + "@synthetic.invalid", Optional.of(country[0]), List.of(country[1]), created);
    }

    private Video video(int i) {
        SplittableRandom r = new SplittableRandom(shape.seed() * 17 + i);
        String[] country = COUNTRIES.get(country(i));
        String title = MOODS[r.nextInt(MOODS.length)] + " " + TOPICS[r.nextInt(TOPICS.length)] + " #" + i;
        Instant created = now.minus(Duration.ofMinutes(r.nextLong(Duration.ofDays(30).toMinutes())));
        return new Video(videoId(i), channelId(creatorOf(i)), title, "", VideoKind.VIDEO,
                VideoStatus.READY, Optional.empty(), 1.0, true, durationMs(i), 720, 1280, Optional.of(country[0]),
                Optional.of(country[1]), 0, 0, created, Publication.PUBLISHED);
    }

    /**
     * Appends a week of watching, oldest first: each view an impression, a play and then a completion, a skip or
     * progress, by viewers whose activity follows a power law too, mostly on videos of their own country.
     */
    void writeHistory(EventLog log, Progress progress) {
        SplittableRandom random = new SplittableRandom(shape.seed());
        long stepMs = Math.max(1, HISTORY.toMillis() * 3 / Math.max(1, shape.events()));
        long at = now.minus(HISTORY).toEpochMilli();
        List<UserEvent> batch = new ArrayList<>(ROWS + 3);
        long written = 0;
        while (written < shape.events()) {
            int user = (int) ((long) popularIndex(random, shape.users()) * 40_503L % shape.users());
            int video = localVideo(random, country(shape.creators() + user));
            String[] country = COUNTRIES.get(country(shape.creators() + user));
            long duration = durationMs(video);
            String creator = channelId(creatorOf(video));
            Instant when = Instant.ofEpochMilli(at);
            double ending = random.nextDouble();
            EventType last = ending < 0.35 ? EventType.COMPLETE : ending < 0.6 ? EventType.SKIP : EventType.PROGRESS;
            long watched = last == EventType.COMPLETE ? duration
                    : last == EventType.SKIP ? Math.min(duration, 1000 + random.nextLong(2000))
                    : (long) (duration * random.nextDouble());
            for (EventType type : new EventType[] {EventType.IMPRESSION, EventType.PLAY, last}) {
                batch.add(new UserEvent(type, userId(user), videoId(video), creator, Surface.FOR_YOU,
                        Optional.of(country[0]), Optional.of(country[1]), type == last ? watched : 0, duration, when));
            }
            written += 3;
            at += stepMs;
            if (batch.size() >= ROWS) {
                log.append(batch);
                batch.clear();
                progress.report("events", (double) written / shape.events());
            }
        }
        log.append(batch);
    }

    /** A popular video, of the viewer's country {@value #LOCAL_SHARE} of the time. */
    private int localVideo(SplittableRandom random, int country) {
        int video = popularVideo(random);
        if (random.nextDouble() >= LOCAL_SHARE) {
            return video;
        }
        for (int tries = 0; tries < 20 && country(video) != country; tries++) {
            video = popularVideo(random);
        }
        return video;
    }

    /** An index in {@code [0, n)} drawn from a power law over a smaller head, for viewers' activity. */
    private static int popularIndex(SplittableRandom random, int n) {
        // inverse transform of a continuous power law with exponent 1.5 over [1, n]
        double u = random.nextDouble();
        double x = Math.pow(1 - u * (1 - Math.pow(n, -0.5)), -2);
        return (int) Math.min(n - 1, x - 1);
    }

    private static int coprimeStride(int n) {
        int stride = 7919;
        while (gcd(stride, n) != 1) {
            stride += 2;
        }
        return n == 1 ? 1 : stride % n == 0 ? 1 : stride;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
