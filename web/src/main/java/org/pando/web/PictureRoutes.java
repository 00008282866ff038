package org.pando.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.pando.domain.DomainException;
import org.pando.pipeline.MediaLayout;

/**
 * {@code /pictures/channels/<channel>/avatar.jpg} and {@code banner.jpg}: channels' pictures, public as the channel
 * page is, as the blob store keeps them under {@code pictures/}. Their URLs name when each was set, so they may be
 * cached for a day.
 */
final class PictureRoutes implements HttpService {
    private final BlobFiles files;

    PictureRoutes(Backend backend) {
        this.files = new BlobFiles(backend.blobs());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/*", this::serve).head("/*", this::serve);
    }

    private void serve(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        path = path.startsWith(Views.PICTURES_PREFIX) ? path.substring(Views.PICTURES_PREFIX.length()) : path.replaceFirst("^/", "");
        if (path.isEmpty() || MediaRoutes.dotted(path)) {
            throw notFound();
        }
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=86400");
        if (!files.send(req, res, MediaLayout.PICTURES + "/" + path)) {
            throw notFound();
        }
    }

    private static RequestRejected notFound() {
        return new RequestRejected(DomainException.Reason.NOT_FOUND, "no-such-picture", "There is no such picture.");
    }
}
