package org.pando.web;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pando.catalog.Video;
import org.pando.domain.InvalidInput;
import org.pando.domain.Page;
import org.pando.search.DurationRange;
import org.pando.search.PublishedWithin;
import org.pando.search.SearchCursor;
import org.pando.search.SearchHit;
import org.pando.search.SearchQuery;
import org.pando.search.SpokenMoment;

/**
 * Search.
 *
 * <ul>
 *   <li>{@code GET /api/v1/search?q=&cursor|offset=&limit=&language=&duration=&date=}: videos best first; a video
 *   whose words are said in it carries {@code t}, the start of the caption saying them, and that caption as
 *   {@code snippet}, and its {@code url} starts the watch page there.</li>
 *   <li>{@code GET /api/v1/search/suggest?q=}: titles and tags completing what is being typed.</li>
 * </ul>
 */
final class SearchRoutes implements HttpService {
    /** Longest snippet, in characters; a longer caption is cut at a word. */
    static final int SNIPPET_CHARS = 160;

    private final Backend backend;

    SearchRoutes(Backend backend) {
        this.backend = backend;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/search", this::search)
                .get("/api/v1/search/suggest", this::suggest);
    }

    private void search(ServerRequest req, ServerResponse res) {
        SearchQuery query = new SearchQuery(text(req), Query.text(req, "language"),
                Query.text(req, "duration").map(d -> DurationRange.ofWireName(d).orElseThrow(
                        () -> new InvalidInput("duration", "duration must be short (under 4 minutes), medium (4 to 20) or long (over 20)."))),
                Query.text(req, "date").map(d -> PublishedWithin.ofWireName(d).orElseThrow(
                        () -> new InvalidInput("date", "date must be day, week, month or year."))),
                offset(req), Query.limit(req, SearchQuery.DEFAULT_LIMIT));
        Page<SearchHit> page = backend.search().search(query);
        Views.ChannelCache channels = new Views.ChannelCache(backend.channels());
        List<Map<String, Object>> items = new ArrayList<>();
        Map<String, Video> videos = backend.videos().findAll(page.items().stream().map(SearchHit::videoId).toList());
        for (SearchHit hit : page.items()) {
            Video video = videos.get(hit.videoId());
            if (video == null) {
                continue;
            }
            Map<String, Object> json = Views.video(video, channels.get(video.channelId()));
            json.put("score", Math.round(hit.score() * 1000) / 1000.0);
            hit.said().ifPresent(said -> said(json, video, said));
            items.add(json);
        }
        Map<String, Object> json = Views.page(items, page.nextCursor());
        json.put("query", query.text());
        Json.send(res, json);
    }

    /** The moment the words are said: its time, its caption, and a link that starts playing there. */
    private static void said(Map<String, Object> json, Video video, SpokenMoment said) {
        json.put("t", Math.round(said.start() * 1000) / 1000.0);
        json.put("snippet", snippet(said.text()));
        json.put("url", "/v/" + video.id() + "?t=" + (long) Math.floor(said.start()));
    }

    static String snippet(String caption) {
        String text = caption.strip();
        if (text.length() <= SNIPPET_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SNIPPET_CHARS - 1);
        return text.substring(0, cut > SNIPPET_CHARS / 2 ? cut : SNIPPET_CHARS - 1).stripTrailing() + "…";
    }

    private void suggest(ServerRequest req, ServerResponse res) {
        String typed = req.query().first("q").asOptional().orElse("");
        if (typed.isBlank() || typed.length() > SearchQuery.MAX_LENGTH) {
            throw new InvalidInput("q", "Send what is being typed as 'q', 1 to " + SearchQuery.MAX_LENGTH + " characters.");
        }
        List<Map<String, Object>> suggestions = backend.search().suggest(typed).stream().<Map<String, Object>>map(s -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("text", s.text());
            json.put("kind", s.kind().wireName());
            return json;
        }).toList();
        Json.send(res, Map.of("suggestions", suggestions));
    }

    private static String text(ServerRequest req) {
        return Query.text(req, "q").orElseThrow(
                () -> new InvalidInput("q", "Say what to search for as 'q', 1 to " + SearchQuery.MAX_LENGTH + " characters."));
    }

    /** Where in the ranking the page starts: from {@code cursor} or {@code offset}, not both; 0 without either. */
    private static int offset(ServerRequest req) {
        Optional<String> cursor = Query.cursor(req);
        Optional<String> offset = Query.text(req, "offset");
        if (cursor.isPresent() && offset.isPresent()) {
            throw new InvalidInput("offset", "Send either 'cursor' or 'offset', not both.");
        }
        if (cursor.isPresent()) {
            return SearchCursor.offset(cursor.get());
        }
        try {
            return offset.map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            throw new InvalidInput("offset", "Send 'offset' as a whole number from 0 to " + SearchQuery.MAX_OFFSET + ".");
        }
    }
}
