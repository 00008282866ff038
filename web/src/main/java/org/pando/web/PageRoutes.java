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
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web UI: pages ({@code web/pages/}, put into {@code web/layout.html}) at readable URLs
 * ({@code /}, {@code /v/<video>}, {@code /c/<channel>}, {@code /upload}, {@code /moderation}...), and scripts, styles and
 * translations from the classpath ({@code web/}).
 */
final class PageRoutes implements HttpService {
    private static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("/", "index"),
            Map.entry("/v/{id}", "watch"),
            Map.entry("/c/{handle}", "channel"),
            Map.entry("/upload", "upload"),
            Map.entry("/signin", "signin"),
            Map.entry("/signup", "signup"),
            Map.entry("/settings", "settings"),
            Map.entry("/studio", "studio"),
            Map.entry("/studio/videos/{id}", "stats"),
            Map.entry("/studio/channels/{handle}", "channel-edit"),
            Map.entry("/wallet", "wallet"),
            Map.entry("/admin", "admin"),
            Map.entry("/moderation", "moderation"),
            Map.entry("/search", "search"));
    private static final Map<String, byte[]> RENDERED = new ConcurrentHashMap<>();

    private final HttpService files = StaticContentFeature.createService(ClasspathHandlerConfig.builder()
            .location("web")
            .build());

    @Override
    public void routing(HttpRules rules) {
        PAGES.forEach((path, page) -> rules.get(path, (req, res) -> send(res, rendered(page))));
        rules.register(files);
    }

    private static void send(ServerResponse res, byte[] html) {
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=UTF-8").header(HeaderNames.CACHE_CONTROL, "no-cache").send(html);
    }

    /** The page a browser gets for an address that leads nowhere. */
    static byte[] notFoundPage() {
        return rendered("404");
    }

    /** A page of {@code web/pages/} in the layout, rendered once. */
    static byte[] rendered(String page) {
        return RENDERED.computeIfAbsent(page, name -> PageTemplate.render(read("layout.html"), read("pages/" + name + ".html"))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String read(String name) {
        try (InputStream in = PageRoutes.class.getClassLoader().getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The page web/" + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
