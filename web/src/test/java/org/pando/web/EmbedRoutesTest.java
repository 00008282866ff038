package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.webserver.testing.junit5.DirectClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pando.catalog.Video;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/** {@code /embed/<video>}: the player page other sites may frame, while every other page forbids framing. */
class EmbedRoutesTest extends InMemoryRoutes {
    EmbedRoutesTest(DirectClient client) {
        super(client);
    }

    @Test
    void theEmbeddedPlayerIsAPageOtherSitesMayFrame() {
        Caller owner = api.signUp(ApiCalls.uniqueName("emb"));
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Harbour at dawn");

        Reply embed = api.get("/embed/" + video.id()).header("Accept", "text/html").send().expect(200);

        assertThat(embed.header("Content-Type").orElse("")).as("Content-Type of %s", embed).startsWith("text/html");
        assertThat(embed.text()).as("the embed page").contains("<script type=\"module\" src=\"/js/embed.js\"></script>",
                "/vendor/hls.min.js", "id=\"player\"").doesNotContain("class=\"topbar\"");
        assertThat(embed.header("X-Frame-Options")).as("X-Frame-Options of %s", embed).isEmpty();
        assertThat(embed.header("Content-Security-Policy")).as("Content-Security-Policy of %s", embed).isEmpty();
    }

    @Test
    void everyOtherPageAndAnswerForbidsFraming() {
        Caller owner = api.signUp(ApiCalls.uniqueName("frm"));
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Tram 28");
        for (String path : List.of("/v/" + video.id(), "/", "/upload", "/api/v1/videos/" + video.id(), "/js/embed.js")) {
            Reply reply = api.get(path).send().expect(200);
            assertThat(reply.header("X-Frame-Options")).as("X-Frame-Options of %s", reply).hasValue("DENY");
            assertThat(reply.header("Content-Security-Policy")).as("Content-Security-Policy of %s", reply)
                    .hasValue("frame-ancestors 'none'");
        }
    }

    @Test
    void aVideoTheCallerMayNotSeeGetsThePageWithNotFound() {
        Caller owner = api.signUp(ApiCalls.uniqueName("own"));
        Video processing = ApiCalls.processingVideo(backend.backend, owner, "Still processing");

        Reply unknown = api.get("/embed/nosuchvideo").header("Accept", "text/html").send().expect(404);
        assertThat(unknown.text()).as("the page, which says the video is not available").contains("/js/embed.js");
        api.get("/embed/" + processing.id()).send().expect(404);
        api.get("/embed/" + processing.id()).as(owner).send().expect(200);
    }
}
