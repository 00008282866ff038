package org.pando.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Blobs as objects of one bucket in an S3-compatible store, over HTTP with Signature Version 4: PUT, GET (with
 * {@code Range}), HEAD, DELETE and ListObjectsV2. A request that fails on the network or with a 5xx status is tried
 * again twice, after 200 and 800 ms; every request here is idempotent.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 3;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final String EMPTY_SHA256 = S3Signer.sha256(new byte[0]);

    private final S3Config config;
    private final S3Signer signer;
    private final HttpClient http;
    private final Clock clock;

    private S3BlobStore(S3Config config, Clock clock) {
        this.config = config;
        this.signer = new S3Signer(config.accessKey(), config.secretKey(), config.region());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        this.clock = clock;
    }

    /**
     * A store on the configured bucket, which is made when missing.
     *
     * @throws BlobStoreUnavailable when the store cannot be reached or refuses the credentials
     */
    public static S3BlobStore open(S3Config config, Clock clock) {
        S3BlobStore store = new S3BlobStore(config, clock);
        try {
            store.ensureBucket();
            return store;
        } catch (UncheckedIOException e) {
            store.close();
            throw new BlobStoreUnavailable(e.getMessage() + " (blobs.s3.*)", e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    @Override
    public void put(String key, Path file) {
        try {
            HttpResponse<String> response = send("PUT", objectUri(key), sha256Of(file), HttpRequest.BodyPublishers.ofFile(file),
                    Map.of(), HttpResponse.BodyHandlers.ofString());
            expect(response, "keep " + key, 200);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep " + key + " in the object store", e);
        }
    }

    @Override
    public void putTree(String prefix, Path folder) {
        BlobKeys.check(prefix);
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            put(prefix + "/" + folder.relativize(file).toString().replace('\\', '/'), file);
        }
    }

    @Override
    public Path writable(String prefix, Path scratch) {
        BlobKeys.check(prefix);
        try {
            return Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Path> readable(String key, Path scratch) {
        try {
            Files.createDirectories(scratch.toAbsolutePath().getParent());
            Path partial = scratch.resolveSibling(scratch.getFileName() + ".partial");
            HttpResponse<Path> response = send("GET", objectUri(key), EMPTY_SHA256, HttpRequest.BodyPublishers.noBody(), Map.of(),
                    HttpResponse.BodyHandlers.ofFile(partial));
            if (response.statusCode() == 404) {
                Files.deleteIfExists(partial);
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                String body = Files.readString(partial, StandardCharsets.UTF_8);
                Files.deleteIfExists(partial);
                throw failure("fetch " + key, response.statusCode(), body);
            }
            return Optional.of(Files.move(partial, scratch, StandardCopyOption.REPLACE_EXISTING));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not fetch " + key + " from the object store", e);
        }
    }

    @Override
    public Optional<BlobSlice> read(String key, ByteRange range) {
        Map<String, String> headers = range.whole() ? Map.of() : Map.of("Range", range.header());
        HttpResponse<InputStream> response = send("GET", objectUri(key), EMPTY_SHA256, HttpRequest.BodyPublishers.noBody(), headers,
                HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        if (status == 200) {
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            InputStream body = response.body();
            if (range.whole() || total < 0) {
                return Optional.of(new BlobSlice(body, 0, total, total));
            }
            // The store sent the whole object although a range was asked for: cut the range out of it.
            try {
                long first = range.firstOf(total);
                body.skipNBytes(first);
                long length = range.lengthOf(total);
                return Optional.of(new BlobSlice(new BoundedStream(body, length), first, length, total));
            } catch (IOException | RuntimeException e) {
                closeQuietly(body);
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
        }
        if (status == 206) {
            Matcher m = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
            if (m.matches()) {
                long first = Long.parseLong(m.group(1));
                return Optional.of(new BlobSlice(response.body(), first, Long.parseLong(m.group(2)) - first + 1, Long.parseLong(m.group(3))));
            }
        }
        String text = drain(response.body());
        if (status == 404) {
            return Optional.empty();
        }
        if (status == 416) {
            throw new RangeNotSatisfiable(size(key).orElse(0L));
        }
        throw failure("read " + key, status, text);
    }

    @Override
    public List<BlobInfo> list(String prefix) {
        BlobKeys.check(prefix);
        List<BlobInfo> found = new ArrayList<>();
        String token = null;
        do {
            String query = "list-type=2&prefix=" + S3Signer.encode(prefix + "/", false)
                    + (token == null ? "" : "&continuation-token=" + S3Signer.encode(token, false));
            HttpResponse<String> response = send("GET", URI.create(bucketUri() + "?" + query), EMPTY_SHA256,
                    HttpRequest.BodyPublishers.noBody(), Map.of(), HttpResponse.BodyHandlers.ofString());
            expect(response, "list " + prefix, 200);
            ListPage page = ListPage.parse(response.body());
            found.addAll(page.blobs());
            token = page.next().orElse(null);
        } while (token != null);
        return found;
    }

    @Override
    public void delete(String key) {
        HttpResponse<String> response = send("DELETE", objectUri(key), EMPTY_SHA256, HttpRequest.BodyPublishers.noBody(), Map.of(),
                HttpResponse.BodyHandlers.ofString());
        expect(response, "remove " + key, 204, 200, 404);
    }

    @Override
    public void deleteTree(String prefix) {
        for (BlobInfo blob : list(prefix)) {
            delete(blob.key());
        }
    }

    @Override
    public boolean keepsWhileWriting() {
        return false;
    }

    @Override
    public boolean exists(String key) {
        return size(key).isPresent();
    }

    @Override
    public Optional<URI> directUrl(String key, Duration valid) {
        return config.presignDownloads() ? Optional.of(signer.presigned("GET", objectUri(key), clock.instant(), valid))
                : Optional.empty();
    }

    @Override
    public void close() {
        http.close();
    }

    private Optional<Long> size(String key) {
        HttpResponse<Void> response = send("HEAD", objectUri(key), EMPTY_SHA256, HttpRequest.BodyPublishers.noBody(), Map.of(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        expect(response, "look for " + key, 200);
        return Optional.of(response.headers().firstValueAsLong("Content-Length").orElse(0));
    }

    private void ensureBucket() {
        HttpResponse<Void> head = send("HEAD", bucketUri(), EMPTY_SHA256, HttpRequest.BodyPublishers.noBody(), Map.of(),
                HttpResponse.BodyHandlers.discarding());
        if (head.statusCode() == 200) {
            return;
        }
        if (head.statusCode() != 404) {
            throw failure("open the bucket " + config.bucket(), head.statusCode(), "");
        }
        byte[] body = config.region().equals("us-east-1") ? new byte[0]
                : ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>"
                        + config.region() + "</LocationConstraint></CreateBucketConfiguration>").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> made = send("PUT", bucketUri(), S3Signer.sha256(body), HttpRequest.BodyPublishers.ofByteArray(body), Map.of(),
                HttpResponse.BodyHandlers.ofString());
        expect(made, "make the bucket " + config.bucket(), 200, 409);
    }

    private <T> HttpResponse<T> send(String method, URI uri, String payloadHash, HttpRequest.BodyPublisher body,
            Map<String, String> headers, HttpResponse.BodyHandler<T> handler) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT).method(method, body);
        headers.forEach(builder::header);
        signer.headers(method, uri, payloadHash, clock.instant()).forEach(builder::header);
        HttpRequest request = builder.build();
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<T> response = http.send(request, handler);
                if (response.statusCode() < 500 || attempt == ATTEMPTS) {
                    return response;
                }
                if (response.body() instanceof InputStream unread) {
                    closeQuietly(unread);
                }
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException(new InterruptedIOException("Interrupted while asking the object store"));
            }
            pause(attempt);
        }
        throw new UncheckedIOException("The object store at " + config.endpoint() + " cannot be reached", last);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(200L << (2 * (attempt - 1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("Interrupted while asking the object store"));
        }
    }

    private URI bucketUri() {
        String base = config.endpoint().toString().replaceAll("/+$", "");
        return URI.create(base + "/" + S3Signer.encode(config.bucket(), false));
    }

    private URI objectUri(String key) {
        return URI.create(bucketUri() + "/" + S3Signer.encode(BlobKeys.check(key), true));
    }

    private void expect(HttpResponse<?> response, String what, int... statuses) {
        for (int status : statuses) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw failure(what, response.statusCode(), response.body() instanceof String s ? s : "");
    }

    private UncheckedIOException failure(String what, int status, String body) {
        Matcher code = Pattern.compile("<Code>([^<]*)</Code>").matcher(body);
        return new UncheckedIOException(new IOException("The object store at " + config.endpoint() + " would not " + what
                + ": HTTP " + status + (code.find() ? " " + code.group(1) : "")));
    }

    private static String sha256Of(Path file) throws IOException {
        MessageDigest digest = S3Signer.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String drain(InputStream body) {
        try (body) {
            return new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
