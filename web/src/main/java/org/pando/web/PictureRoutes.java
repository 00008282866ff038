package org.pando.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.FileSystemHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pando.domain.DomainException;

/**
 * {@code /pictures/channels/<channel>/avatar.jpg} and {@code banner.jpg}: channels' pictures, public as the channel
 * page is. Their URLs name when each was set, so they may be cached for a day.
 */
final class PictureRoutes implements HttpService {
    private final Path pictures;
    private final HttpService files;

    PictureRoutes(Backend backend) {
        this.pictures = backend.pictures();
        this.files = StaticContentFeature.createService(FileSystemHandlerConfig.builder()
                .location(backend.pictures())
                .build());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/*", this::guard).head("/*", this::guard).register(files);
    }

    private void guard(ServerRequest req, ServerResponse res) {
        String path = req.path().path();
        if (MediaRoutes.dotted(path) || !Files.isRegularFile(pictures.resolve(path.substring(1)))) {
            throw new RequestRejected(DomainException.Reason.NOT_FOUND, "no-such-picture", "There is no such picture.");
        }
        res.header(HeaderNames.CACHE_CONTROL, "public, max-age=86400");
        res.next();
    }
}
