package org.pando.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;

/** Names and values of the tus 1.0 protocol. */
final class TusHeaders {
    static final String BASE = "/api/v1/uploads";
    static final String VERSION = "1.0.0";
    static final String EXTENSIONS = "creation,termination,expiration";
    static final String RESUMABLE = "Tus-Resumable";
    static final HeaderName TUS_RESUMABLE = HeaderNames.create(RESUMABLE);
    static final HeaderName TUS_VERSION = HeaderNames.create("Tus-Version");
    static final HeaderName TUS_EXTENSION = HeaderNames.create("Tus-Extension");
    static final HeaderName TUS_MAX_SIZE = HeaderNames.create("Tus-Max-Size");
    static final HeaderName UPLOAD_LENGTH = HeaderNames.create("Upload-Length");
    static final HeaderName UPLOAD_OFFSET = HeaderNames.create("Upload-Offset");
    static final HeaderName UPLOAD_METADATA = HeaderNames.create("Upload-Metadata");
    static final HeaderName UPLOAD_EXPIRES = HeaderNames.create("Upload-Expires");
    static final HeaderName UPLOAD_DEFER_LENGTH = HeaderNames.create("Upload-Defer-Length");
    static final HeaderName VIDEO_ID = HeaderNames.create("Pando-Video-Id");
    static final String OFFSET_CONTENT_TYPE = "application/offset+octet-stream";

    private TusHeaders() {
    }
}
