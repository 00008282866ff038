package org.pando.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Configuration as flat, dashed, lower-case keys ({@code media.max-duration}), read in layers: the
 * built-in defaults (the embedded mode), then a YAML file, then environment variables
 * ({@code PANDO_MEDIA_MAX_DURATION}), then explicit overrides such as command-line flags. Every key must
 * be one of the defaults, so a typo is an error rather than a silently ignored setting.
 *
 * <pre>{@code
 * Settings settings = Settings.defaults().withFile(Path.of("pando.yaml")).withEnvironment(System.getenv())
 *         .with("server.port", "9090");
 * Duration limit = settings.duration("media.max-duration");
 * }</pre>
 */
public final class Settings {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|KiB|MB|MiB|GB|GiB|TB|TiB)?", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The built-in defaults: every key Pando knows, with its embedded-mode value. */
    public static Settings defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("data-dir", "data");
        d.put("server.host", "127.0.0.1");
        d.put("server.port", "8080");
        d.put("auth.session-ttl", "30d");
        d.put("auth.secure-cookie", "true");
        d.put("auth.argon2.memory-kib", "19456");
        d.put("auth.argon2.iterations", "2");
        d.put("database.url", "");
        d.put("database.user", "pando");
        d.put("database.password", "");
        d.put("database.pool-size", "10");
        d.put("upload.max-size", "4GiB");
        d.put("upload.expiry", "24h");
        d.put("media.ffmpeg", "ffmpeg");
        d.put("media.ffprobe", "ffprobe");
        d.put("media.ladder.rungs", "2160,1440,1080,720,480,360,240");
        d.put("media.max-width", "7680");
        d.put("media.max-height", "7680");
        d.put("media.max-pixels", String.valueOf(7680L * 4320));
        d.put("media.max-duration", "4h");
        d.put("media.preset", "veryfast");
        d.put("media.segment-duration", "2s");
        d.put("media.audio-kbps", "128");
        d.put("media.loudness.integrated", "-14");
        d.put("media.loudness.true-peak", "-1");
        d.put("media.waveform.width", "1280");
        d.put("media.waveform.height", "240");
        d.put("media.waveform.color", "#ff4f5e");
        d.put("understanding.models-dir", "");
        d.put("understanding.scene-threshold", "10");
        d.put("understanding.min-speech-confidence", "0.6");
        d.put("moderation.hold-threshold", "0.8");
        d.put("moderation.hold-threshold-without-person", "0.95");
        d.put("moderation.min-person-coverage", "0.05");
        d.put("jobs.workers", "1");
        d.put("jobs.poll-interval", "1s");
        d.put("jobs.lease", "15s");
        d.put("jobs.max-attempts", "3");
        d.put("jobs.max-waiting", "100");
        d.put("events.max-batch", "500");
        d.put("events.skip-threshold", "3s");
        d.put("events.poll-interval", "200ms");
        d.put("events.store", "segments");
        d.put("events.max-queued", "500000");
        d.put("events.kafka.bootstrap", "");
        d.put("events.kafka.topic", "pando-events");
        d.put("events.kafka.timeout", "10s");
        d.put("events.kafka.partitions", "1");
        d.put("blobs.s3.endpoint", "");
        d.put("blobs.s3.bucket", "pando");
        d.put("blobs.s3.region", "us-east-1");
        d.put("blobs.s3.access-key", "");
        d.put("blobs.s3.secret-key", "");
        d.put("blobs.s3.presign-downloads", "false");
        d.put("recommend.catalog-refresh", "30s");
        d.put("recommend.catalog-limit", "200000");
        d.put("recommend.trending-half-life", "6h");
        d.put("recommend.refit-interval", "5m");
        d.put("recommend.refit-min-events", "20");
        d.put("recommend.factors", "32");
        d.put("recommend.ease-head", "1000");
        d.put("recommend.fresh.window", "30m");
        d.put("recommend.fresh.impressions", "20");
        d.put("recommend.max-creator-per-page", "2");
        d.put("recommend.daily-creator-share", "0.3");
        d.put("recommend.top-share-cap", "0.3");
        d.put("recommend.local-floor", "0.3");
        d.put("recommend.exploration-rate", "0.1");
        d.put("recommend.candidates-per-source", "100");
        d.put("recommend.max-visitors", "100000");
        d.put("recommend.checkpoint-interval", "10m");
        d.put("recommend.offline-models", "false");
        return new Settings(d);
    }

    /** These settings with one key replaced; the key must exist. */
    public Settings with(String key, String value) {
        if (!values.containsKey(key)) {
            throw new ConfigurationError("Unknown setting '" + key + "'. Known settings: " + String.join(", ", new TreeMap<>(values).keySet()));
        }
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return new Settings(copy);
    }

    /** These settings overlaid with a YAML file's, nested maps flattened with dots. */
    public Settings withFile(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new ConfigurationError("Cannot read the configuration file " + file + ": " + e.getMessage());
        }
        Settings result = this;
        if (root == null || root.isNull()) {
            return result;
        }
        if (!root.isObject()) {
            throw new ConfigurationError("The configuration file " + file + " must hold a map of settings.");
        }
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", root, flat);
        for (Map.Entry<String, String> e : flat.entrySet()) {
            result = result.with(e.getKey(), e.getValue());
        }
        return result;
    }

    /** These settings overlaid with {@code PANDO_*} variables, one per known key. */
    public Settings withEnvironment(Map<String, String> environment) {
        Settings result = this;
        for (String key : values.keySet()) {
            String value = environment.get(environmentName(key));
            if (value != null) {
                result = result.with(key, value);
            }
        }
        return result;
    }

    /** The environment variable of a key: {@code media.max-duration} is {@code PANDO_MEDIA_MAX_DURATION}. */
    public static String environmentName(String key) {
        return "PANDO_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new ConfigurationError("Unknown setting '" + key + "'");
        }
        return value;
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(text(key).trim());
        } catch (NumberFormatException e) {
            throw invalid(key, "a whole number");
        }
    }

    public long longValue(String key) {
        try {
            return Long.parseLong(text(key).trim());
        } catch (NumberFormatException e) {
            throw invalid(key, "a whole number");
        }
    }

    /** Any number, such as a level in decibels. */
    public double number(String key) {
        try {
            double value = Double.parseDouble(text(key).trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, "a number");
    }

    /** A number between 0 and 1, such as a share or a probability. */
    public double fraction(String key) {
        try {
            double value = Double.parseDouble(text(key).trim());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, "a number from 0 to 1");
    }

    public boolean bool(String key) {
        String value = text(key).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(key, "true or false");
        };
    }

    /** A duration such as {@code 500ms}, {@code 15s}, {@code 4h} or {@code 30d}. */
    public Duration duration(String key) {
        Matcher m = DURATION.matcher(text(key).trim());
        if (!m.matches()) {
            throw invalid(key, "a duration such as 500ms, 15s, 10m, 4h or 30d");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** A byte count such as {@code 4GiB}, {@code 500MB} or {@code 1048576}. */
    public long bytes(String key) {
        Matcher m = SIZE.matcher(text(key).trim());
        if (!m.matches()) {
            throw invalid(key, "a size such as 500MB or 4GiB");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT);
        return switch (unit) {
            case "KB" -> n * 1000;
            case "KIB" -> n << 10;
            case "MB" -> n * 1000_000;
            case "MIB" -> n << 20;
            case "GB" -> n * 1000_000_000;
            case "GIB" -> n << 30;
            case "TB" -> n * 1000_000_000_000L;
            case "TIB" -> n << 40;
            default -> n;
        };
    }

    /** A comma-separated list of whole numbers. */
    public List<Integer> integers(String key) {
        try {
            return Arrays.stream(text(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw invalid(key, "a comma-separated list of whole numbers");
        }
    }

    /** One of the values allowed, compared without case. */
    public String oneOf(String key, List<String> allowed) {
        String value = text(key).trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw invalid(key, "one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** An http or https address, such as {@code http://127.0.0.1:9000}. */
    public URI uri(String key) {
        try {
            URI uri = new URI(text(key).trim());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(key, "an http or https address such as http://127.0.0.1:9000");
    }

    public Path path(String key) {
        return Path.of(text(key)).toAbsolutePath().normalize();
    }

    private ConfigurationError invalid(String key, String expected) {
        return new ConfigurationError("The setting " + key + " = '" + values.get(key) + "' is not " + expected + ".");
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
            }
        } else if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            node.forEach(item -> joined.append(joined.isEmpty() ? "" : ",").append(item.asText()));
            out.put(prefix, joined.toString());
        } else {
            out.put(prefix, node.isNull() ? "" : node.asText());
        }
    }
}
