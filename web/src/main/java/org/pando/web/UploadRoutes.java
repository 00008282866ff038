package org.pando.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.http.HeaderName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pando.account.Account;
import org.pando.upload.Upload;

/**
 * The tus 1.0 endpoint at {@code /api/v1/uploads}: core protocol plus the creation, termination and
 * expiration extensions, so standard tus clients can upload and resume. The final {@code PATCH} and any
 * later {@code HEAD} carry {@code Pando-Video-Id}, the video made from the upload.
 */
final class UploadRoutes implements HttpService {
    private final Backend backend;
    private final Callers callers;

    UploadRoutes(Backend backend, Callers callers) {
        this.backend = backend;
        this.callers = callers;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.options(TusHeaders.BASE, this::options)
                .post(TusHeaders.BASE, this::create)
                .head(TusHeaders.BASE + "/{id}", this::head)
                .patch(TusHeaders.BASE + "/{id}", this::patch)
                .delete(TusHeaders.BASE + "/{id}", this::terminate)
                .get(TusHeaders.BASE + "/{id}", this::status);
    }

    private void options(ServerRequest req, ServerResponse res) {
        res.header(TusHeaders.TUS_RESUMABLE, TusHeaders.VERSION)
                .header(TusHeaders.TUS_VERSION, TusHeaders.VERSION)
                .header(TusHeaders.TUS_EXTENSION, TusHeaders.EXTENSIONS)
                .header(TusHeaders.TUS_MAX_SIZE, String.valueOf(backend.uploads().maxBytes()))
                .status(Status.NO_CONTENT_204).send();
    }

    private void create(ServerRequest req, ServerResponse res) {
        requireVersion(req);
        Account account = callers.required(req);
        if (req.headers().contains(TusHeaders.UPLOAD_DEFER_LENGTH)) {
            throw RequestRejected.invalid("upload-length-required", "Send Upload-Length; deferred lengths are not supported.");
        }
        long length = longHeader(req, TusHeaders.UPLOAD_LENGTH);
        Map<String, String> metadata = metadata(req.headers().first(TusHeaders.UPLOAD_METADATA).orElse(""));
        Upload upload = backend.uploads().create(account.id(), length, metadata);
        res.header(TusHeaders.TUS_RESUMABLE, TusHeaders.VERSION)
                .header(HeaderNames.LOCATION, TusHeaders.BASE + "/" + upload.id())
                .header(TusHeaders.UPLOAD_EXPIRES, httpDate(upload))
                .status(Status.CREATED_201).send();
    }

    private void head(ServerRequest req, ServerResponse res) {
        requireVersion(req);
        Account account = callers.required(req);
        String id = req.path().pathParameters().get("id");
        Upload upload = backend.uploads().get(account.id(), id);
        long offset = backend.uploads().offset(account.id(), id);
        res.header(TusHeaders.TUS_RESUMABLE, TusHeaders.VERSION)
                .header(TusHeaders.UPLOAD_OFFSET, String.valueOf(offset))
                .header(TusHeaders.UPLOAD_LENGTH, String.valueOf(upload.length()))
                .header(HeaderNames.CACHE_CONTROL, "no-store");
        upload.videoId().ifPresent(video -> res.header(TusHeaders.VIDEO_ID, video));
        if (!upload.finished()) {
            res.header(TusHeaders.UPLOAD_EXPIRES, httpDate(upload));
        }
        res.status(Status.OK_200).send();
    }

    private void patch(ServerRequest req, ServerResponse res) {
        requireVersion(req);
        Account account = callers.required(req);
        String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
        if (!contentType.startsWith(TusHeaders.OFFSET_CONTENT_TYPE)) {
            throw new RequestRejected(RequestRejected.Reason.UNSUPPORTED, "upload-content-type",
                    "Send upload bytes as " + TusHeaders.OFFSET_CONTENT_TYPE + ".");
        }
        String id = req.path().pathParameters().get("id");
        long offset = longHeader(req, TusHeaders.UPLOAD_OFFSET);
        long newOffset;
        try (InputStream body = req.content().inputStream()) {
            newOffset = backend.uploads().append(account.id(), id, offset, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        res.header(TusHeaders.TUS_RESUMABLE, TusHeaders.VERSION).header(TusHeaders.UPLOAD_OFFSET, String.valueOf(newOffset));
        Upload upload = backend.uploads().get(account.id(), id);
        if (upload.finished()) {
            res.header(TusHeaders.VIDEO_ID, upload.videoId().orElseThrow());
            backend.metrics().increment("pando_uploads_total", "Uploads received in full");
        } else {
            res.header(TusHeaders.UPLOAD_EXPIRES, httpDate(upload));
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private void terminate(ServerRequest req, ServerResponse res) {
        requireVersion(req);
        Account account = callers.required(req);
        backend.uploads().terminate(account.id(), req.path().pathParameters().get("id"));
        res.header(TusHeaders.TUS_RESUMABLE, TusHeaders.VERSION).status(Status.NO_CONTENT_204).send();
    }

    private void status(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        String id = req.path().pathParameters().get("id");
        Upload upload = backend.uploads().get(account.id(), id);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", upload.id());
        json.put("offset", backend.uploads().offset(account.id(), id));
        json.put("length", upload.length());
        json.put("filename", upload.metadata().filename());
        json.put("video", upload.videoId().orElse(null));
        Json.send(res, json);
    }

    /** tus: a client speaking another version gets 412 and the versions this server speaks. */
    private static void requireVersion(ServerRequest req) {
        Optional<String> version = req.headers().first(TusHeaders.TUS_RESUMABLE);
        if (version.isPresent() && !TusHeaders.VERSION.equals(version.get())) {
            throw new TusVersionMismatch();
        }
    }

    private static long longHeader(ServerRequest req, HeaderName name) {
        String value = req.headers().first(name).orElseThrow(() -> RequestRejected.invalid("header-missing",
                "Send the " + name.defaultCase() + " header."));
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw RequestRejected.invalid("header-malformed", name.defaultCase() + " must be a non-negative whole number.");
        }
    }

    /** Decodes {@code key base64,key base64}; a key may come without a value. */
    static Map<String, String> metadata(String header) {
        Map<String, String> pairs = new HashMap<>();
        for (String pair : header.split(",")) {
            String trimmed = pair.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split(" ", 2);
            try {
                String value = parts.length == 2
                        ? new String(Base64.getDecoder().decode(parts[1].trim()), StandardCharsets.UTF_8)
                        : "";
                pairs.put(parts[0], value);
            } catch (IllegalArgumentException e) {
                throw RequestRejected.invalid("upload-metadata", "Upload-Metadata value of '" + parts[0]
                        + "' is not base64.");
            }
        }
        return pairs;
    }

    private static String httpDate(Upload upload) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(upload.expiresAt().atOffset(ZoneOffset.UTC));
    }
}
