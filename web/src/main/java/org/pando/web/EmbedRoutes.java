package org.pando.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code /embed/<video>}: a page with the player alone, for other sites to put in an {@code <iframe>}. It is the
 * one page that may be framed (see {@link FramingPolicy}). A video the caller may not see gets the same page
 * with 404, and the page says the video is not available.
 */
final class EmbedRoutes implements HttpService {
    private static final byte[] PAGE = read("web/embed.html");

    private final Callers callers;
    private final VisibleVideos videos;

    EmbedRoutes(Backend backend, Callers callers) {
        this.callers = callers;
        this.videos = new VisibleVideos(backend);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/embed/{id}", this::embed);
    }

    private void embed(ServerRequest req, ServerResponse res) {
        boolean visible = videos.find(req, callers.optional(req)).isPresent();
        res.status(visible ? Status.OK_200 : Status.NOT_FOUND_404)
                .header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8")
                .header(HeaderNames.CACHE_CONTROL, "no-cache")
                .send(PAGE);
    }

    private static byte[] read(String resource) {
        try (InputStream in = EmbedRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The page " + resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
