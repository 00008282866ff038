package org.pando.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.ClasspathHandlerConfig;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web UI: static pages, scripts and styles from the classpath ({@code web/}), and the readable URLs
 * that map onto them ({@code /v/<video>}, {@code /c/<channel>}, {@code /upload}...).
 */
final class PageRoutes implements HttpService {
    private static final Map<String, String> PAGES = Map.of(
            "/v/{id}", "watch.html",
            "/c/{handle}", "channel.html",
            "/upload", "upload.html",
            "/signin", "signin.html",
            "/signup", "signup.html",
            "/settings", "settings.html",
            "/studio", "studio.html");

    private final HttpService files = StaticContentFeature.createService(ClasspathHandlerConfig.builder()
            .location("web")
            .welcome("index.html")
            .build());
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    public void routing(HttpRules rules) {
        PAGES.forEach((path, page) -> rules.get(path, (req, res) -> page(res, page)));
        rules.register(files);
    }

    private void page(ServerResponse res, String name) {
        byte[] html = cache.computeIfAbsent(name, PageRoutes::read);
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8").header(HeaderNames.CACHE_CONTROL, "no-cache").send(html);
    }

    /** The page a browser gets for an address that leads nowhere. */
    static byte[] notFoundPage() {
        return NotFound.HTML;
    }

    private static final class NotFound {
        static final byte[] HTML = read("404.html");
    }

    static byte[] read(String name) {
        try (InputStream in = PageRoutes.class.getClassLoader().getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The page web/" + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
