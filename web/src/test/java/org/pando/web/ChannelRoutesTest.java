package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.pando.catalog.ChannelPicture;
import org.pando.catalog.Video;
import org.pando.media.SharedMedia;
import org.pando.moderation.HoldRule;
import org.pando.moderation.ModerationConfig;
import org.pando.pipeline.ChannelArtwork;
import org.pando.pipeline.MediaLayout;
import org.pando.pipeline.PictureRefused;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/** A channel's page: editing its name, description and links, its avatar and banner, and several channels per account. */
class ChannelRoutesTest extends InMemoryRoutes {
    private static final Duration INDEXED = Duration.ofSeconds(10);

    ChannelRoutesTest(DirectClient client) {
        super(client);
    }

    @Test
    void theOwnerEditsTheNameDescriptionAndLinksAndSearchFindsTheNewName() {
        Caller owner = api.signUp(ApiCalls.uniqueName("ana"));
        Video video = ApiCalls.readyVideo(backend.backend, owner, "Morning market");
        String name = "Trams" + ApiCalls.uniqueName("x").replaceAll("[^a-z]", "") + "z";

        Reply edited = api.patch("/api/v1/channels/" + owner.channel()).as(owner).json(Map.of(
                "display_name", name, "description", "Trains and markets.",
                "links", List.of(Map.of("label", "Blog", "url", "https://ana.example/blog"),
                        Map.of("url", "http://shop.example/tickets")))).send().expect(200);

        JsonNode channel = api.get("/api/v1/channels/" + owner.channel()).send().expect(200).json();
        assertThat(channel.path("display_name").asText()).as("name in %s", channel).isEqualTo(name);
        assertThat(channel.path("description").asText()).isEqualTo("Trains and markets.");
        assertThat(channel.path("links").toString()).as("links, the unlabelled one named after its host")
                .isEqualTo("[{\"label\":\"Blog\",\"url\":\"https://ana.example/blog\"},"
                        + "{\"label\":\"shop.example\",\"url\":\"http://shop.example/tickets\"}]");
        assertThat(edited.json().path("owned").asBoolean()).as("the reply to the owner says they own it").isTrue();

        assertThat(backend.search.awaitIdle(INDEXED)).as("search took the new name within %s", INDEXED).isTrue();
        JsonNode found = api.get("/api/v1/search?q=" + name.toLowerCase()).send().expect(200).json().path("items");
        assertThat(found.findValuesAsText("id")).as("the channel's video found by its new name: %s", found).contains(video.id());
    }

    @Test
    void onlyTheOwnerMayEditAndBadLinksChangeNothing() {
        Caller owner = api.signUp(ApiCalls.uniqueName("ana"));
        Caller stranger = api.signUp(ApiCalls.uniqueName("bo"));
        String page = "/api/v1/channels/" + owner.channel();

        api.patch(page).as(stranger).json(Map.of("description", "mine now")).send().expectProblem(403, "not-allowed");
        api.patch(page).json(Map.of("description", "anyone")).send().expectProblem(401, "not-signed-in");
        api.patch(page).as(owner).json(Map.of("description", "x", "links", List.of(Map.of("url", "javascript:alert(1)"))))
                .send().expectProblem(400, "invalid-links");
        api.patch(page).as(owner).json(Map.of("links", List.of(Map.of("url", "ftp://files.example/")))).send()
                .expectProblem(400, "invalid-links");
        List<Map<String, String>> six = List.of(1, 2, 3, 4, 5, 6).stream()
                .map(i -> Map.of("url", "https://example.org/" + i)).toList();
        api.patch(page).as(owner).json(Map.of("links", six)).send().expectProblem(400, "invalid-links");
        api.patch(page).as(owner).json(Map.of("display_name", "  ")).send().expectProblem(400, "invalid-display_name");

        JsonNode channel = api.get(page).send().expect(200).json();
        assertThat(channel.path("description").asText()).as("description after refused edits").isEmpty();
        assertThat(channel.path("links").size()).as("links after refused edits").isZero();
    }

    @Test
    void anAvatarAndABannerAreFittedServedAndRemoved() throws IOException {
        Caller owner = api.signUp(ApiCalls.uniqueName("ana"));
        String page = "/api/v1/channels/" + owner.channel();

        JsonNode withAvatar = api.put(page + "/avatar").as(owner)
                .body(Files.readAllBytes(SharedMedia.clip("obama.jpg")), "image/jpeg").send().expect(200).json();
        JsonNode withBanner = api.put(page + "/banner").as(owner)
                .body(Files.readAllBytes(SharedMedia.clip("two_people.jpg")), "image/jpeg").send().expect(200).json();

        String avatar = withAvatar.path("avatar").asText();
        assertThat(avatar).as("avatar URL in %s", withAvatar).startsWith("/pictures/channels/").contains("/avatar.jpg?v=");
        assertThat(withBanner.path("avatar").asText()).as("the avatar kept when the banner is set").isEqualTo(avatar);
        assertThat(size(served(avatar))).as("avatar served as a square").containsExactly(400, 400);
        assertThat(size(served(withBanner.path("banner").asText()))).as("banner served wide").containsExactly(2048, 512);
        JsonNode listed = api.get("/api/v1/me").as(owner).send().expect(200).json().path("channels").get(0);
        assertThat(listed.path("avatar").asText()).as("the account's channels show the avatar").isEqualTo(avatar);

        JsonNode removed = api.delete(page + "/avatar").as(owner).send().expect(200).json();
        assertThat(removed.path("avatar").isNull()).as("no avatar after removing it: %s", removed).isTrue();
        api.get(avatar).send().expect(404);
    }

    @Test
    void whatIsNotAPictureOrNotTheOwnersIsRefusedAndTheOldPictureStays() throws IOException {
        Caller owner = api.signUp(ApiCalls.uniqueName("ana"));
        Caller stranger = api.signUp(ApiCalls.uniqueName("bo"));
        String avatar = "/api/v1/channels/" + owner.channel() + "/avatar";
        byte[] photo = Files.readAllBytes(SharedMedia.clip("obama.jpg"));
        String before = api.put(avatar).as(owner).body(photo, "image/jpeg").send().expect(200).json().path("avatar").asText();

        api.put(avatar).as(owner).body("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8), "image/png").send()
                .expectProblem(415, "picture-unreadable");
        api.put(avatar).as(owner).body(photo, "text/plain").send().expectProblem(415, "picture-content-type");
        api.put(avatar).as(owner).body(new byte[0], "image/jpeg").send().expectProblem(400, "picture-missing");
        api.put(avatar).as(stranger).body(photo, "image/jpeg").send().expectProblem(403, "not-allowed");
        api.put(avatar).as(owner).body(new byte[(int) ChannelArtwork.MAX_BYTES + 1], "image/jpeg").send()
                .expectProblem(413, "picture-file-too-large");

        JsonNode channel = api.get("/api/v1/channels/" + owner.channel()).send().expect(200).json();
        assertThat(channel.path("avatar").asText()).as("the avatar after refused replacements").isEqualTo(before);
        assertThat(size(served(before))).as("the old avatar still served").containsExactly(400, 400);
    }

    @Test
    void aPictureTheHoldRuleWouldHoldIsRefusedAndTheOldOneStays() throws IOException {
        Caller owner = api.signUp(ApiCalls.uniqueName("ana"));
        byte[] photo = Files.readAllBytes(SharedMedia.clip("obama.jpg"));
        String before = api.put("/api/v1/channels/" + owner.channel() + "/avatar").as(owner).body(photo, "image/jpeg")
                .send().expect(200).json().path("avatar").asText();
        // a rule that holds anything scoring above zero: the same path a picture above the default thresholds takes
        ChannelArtwork strict = new ChannelArtwork(backend.backend.channels(), backend.fitter, backend.analyzer,
                new HoldRule(new ModerationConfig(0, 0, 0.05)), new MediaLayout(backend.blobs, backend.dir.resolve("work")));

        assertThatThrownBy(() -> strict.replace(owner.id(), owner.channel(), ChannelPicture.AVATAR,
                new ByteArrayInputStream(Files.readAllBytes(SharedMedia.clip("two_people.jpg")))))
                .isInstanceOf(PictureRefused.class).hasMessageContaining("looks inappropriate");
        assertThat(api.get("/api/v1/channels/" + owner.channel()).send().expect(200).json().path("avatar").asText())
                .as("the avatar after a refused one").isEqualTo(before);
        assertThat(size(served(before))).as("the old avatar still served").containsExactly(400, 400);
    }

    @Test
    void anAccountMakesFurtherChannelsListedAfterItsDefaultOne() {
        Caller owner = api.signUp(ApiCalls.uniqueName("ana"));
        String handle = ApiCalls.uniqueName("ana-music");

        api.post("/api/v1/channels").as(owner).json(Map.of("handle", handle, "display_name", "Ana's music")).send().expect(201);
        api.post("/api/v1/channels").as(owner).json(Map.of("handle", handle)).send().expectProblem(409, "handle-taken");

        JsonNode channels = api.get("/api/v1/me").as(owner).send().expect(200).json().path("channels");
        assertThat(channels.findValuesAsText("handle")).as("the account's channels, the default first")
                .containsExactly(owner.channel(), handle);
        assertThat(api.get("/api/v1/channels/" + handle).as(owner).send().expect(200).json().path("owned").asBoolean())
                .as("the new channel is the account's").isTrue();
    }

    private byte[] served(String url) {
        Reply reply = api.get(url).send().expect(200);
        assertThat(reply.header("Content-Type")).as("type of %s", url).contains("image/jpeg");
        assertThat(reply.header("Cache-Control")).as("caching of %s", url).contains("public, max-age=86400");
        return reply.body();
    }

    private static int[] size(byte[] jpeg) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertThat(image).as("a decodable JPEG").isNotNull();
        return new int[] {image.getWidth(), image.getHeight()};
    }
}
