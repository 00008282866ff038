package org.pando.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pando.account.Account;
import org.pando.catalog.Channel;
import org.pando.catalog.ChannelLink;
import org.pando.catalog.ChannelPicture;
import org.pando.catalog.ChannelService;
import org.pando.catalog.Comment;
import org.pando.catalog.Video;
import org.pando.catalog.VideoKind;
import org.pando.catalog.VideoStatus;
import org.pando.domain.Page;
import org.pando.moderation.Hold;
import org.pando.moderation.ReviewCase;
import org.pando.pipeline.MediaLayout;

/** The JSON shapes of the API's resources, in one place. */
final class Views {
    static final String MEDIA_PREFIX = "/media/";
    /** Where the player for other sites' pages lives: {@code /embed/<video>}. */
    static final String EMBED_PREFIX = "/embed/";
    /** An audio clip's waveform picture, its poster, among its media files. */
    static final String WAVEFORM = "waveform.png";
    /** A video's poster among its media files. */
    static final String POSTER = "poster.jpg";
    /** Where channels' pictures are served: {@code /pictures/channels/<channel>/avatar.jpg}. */
    static final String PICTURES_PREFIX = "/pictures/";

    private Views() {
    }

    /** Looks channels up once per response. */
    static final class ChannelCache {
        private final ChannelService channels;
        private final Map<String, Channel> byId = new HashMap<>();

        ChannelCache(ChannelService channels) {
            this.channels = channels;
        }

        Channel get(String id) {
            return byId.computeIfAbsent(id, channels::byId);
        }
    }

    static Map<String, Object> video(Video v, Channel channel) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", v.id());
        json.put("url", "/v/" + v.id());
        json.put("title", v.title());
        json.put("description", v.description());
        json.put("kind", v.kind().wireName());
        json.put("status", v.status().wireName());
        json.put("publication", v.publication().wireName());
        v.error().ifPresent(e -> json.put("error", e));
        json.put("progress", v.progress());
        json.put("hls", v.playable() ? MEDIA_PREFIX + v.id() + "/master.m3u8" : null);
        boolean ready = v.status() == VideoStatus.READY;
        boolean audio = v.kind() == VideoKind.AUDIO;
        String waveform = MEDIA_PREFIX + v.id() + "/" + WAVEFORM;
        json.put("poster", ready ? (audio ? waveform : MEDIA_PREFIX + v.id() + "/" + POSTER) : null);
        json.put("waveform", ready && audio ? waveform : null);
        json.put("storyboard", ready && !audio ? MEDIA_PREFIX + v.id() + "/storyboard.vtt" : null);
        json.put("embed_url", EMBED_PREFIX + v.id());
        json.put("duration", v.durationMs() / 1000.0);
        json.put("duration_ms", v.durationMs());
        json.put("width", v.width());
        json.put("height", v.height());
        json.put("likes", v.likes());
        json.put("comments", v.comments());
        json.put("created_at", v.createdAt().toString());
        json.put("channel", channelRef(channel));
        return json;
    }

    static Map<String, Object> channelRef(Channel c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("handle", c.handle());
        json.put("display_name", c.displayName());
        json.put("url", "/c/" + c.handle());
        json.put("avatar", picture(c, ChannelPicture.AVATAR));
        return json;
    }

    static Map<String, Object> channel(Channel c) {
        Map<String, Object> json = channelRef(c);
        json.put("banner", picture(c, ChannelPicture.BANNER));
        json.put("description", c.description());
        json.put("links", c.links().stream().map(Views::link).toList());
        json.put("followers", c.followers());
        json.put("created_at", c.createdAt().toString());
        return json;
    }

    private static Map<String, Object> link(ChannelLink link) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", link.label());
        json.put("url", link.url());
        return json;
    }

    /**
     * The URL of a channel's picture, or null when it has none; it names the moment the picture was set, so a
     * replaced picture is a new URL and each may be cached for long.
     */
    private static String picture(Channel c, ChannelPicture kind) {
        return c.picture(kind).map(at -> PICTURES_PREFIX + MediaLayout.channelPicturePath(c.id(), kind) + "?v=" + at.toEpochMilli())
                .orElse(null);
    }

    static Map<String, Object> account(Account a, List<Channel> channels) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id());
        json.put("username", a.username());
        json.put("email", a.email());
        json.put("country", a.country().orElse(null));
        json.put("languages", a.languages());
        json.put("role", a.role().wireName());
        json.put("created_at", a.createdAt().toString());
        json.put("channels", channels.stream().map(Views::channel).toList());
        return json;
    }

    static Map<String, Object> comment(Comment c, Optional<String> viewerId, boolean viewerOwnsVideo) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("author", c.authorUsername());
        json.put("body", c.body());
        json.put("created_at", c.createdAt().toString());
        json.put("can_delete", viewerOwnsVideo || viewerId.filter(c.authorId()::equals).isPresent());
        return json;
    }

    /**
     * What a video's creator and moderators see of its review: why it is held and the moderator's decision with its
     * note; moderators also see how many reports it has (creators are not told who reported them, nor how often).
     */
    static Map<String, Object> review(ReviewCase review, boolean forModerator) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", review.open() ? "open" : "decided");
        json.put("hold", review.hold().map(Views::hold).orElse(null));
        if (forModerator) {
            json.put("report_count", review.reportCount());
        }
        json.put("decision", review.decision().map(d -> {
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("verdict", d.verdict().wireName());
            decision.put("note", d.note());
            decision.put("decided_at", d.at().toString());
            return decision;
        }).orElse(null));
        return json;
    }

    /**
     * Why a video was held: the rule, and for a score the picture (a frame's time in seconds, or the poster), its
     * score and threshold.
     */
    static Map<String, Object> hold(Hold hold) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cause", hold.cause().wireName());
        hold.frame().ifPresent(f -> {
            json.put("at", Json.number(f.at()));
            json.put("poster", f.isPoster());
            json.put("score", f.score());
            json.put("threshold", f.threshold());
            json.put("person_seen", f.personSeen());
        });
        return json;
    }

    static Map<String, Object> page(List<?> items, Optional<String> next) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", items);
        json.put("next_cursor", next.orElse(null));
        return json;
    }

    static Map<String, Object> videos(Page<Video> page, ChannelCache channels) {
        return page(page.items().stream().map(v -> video(v, channels.get(v.channelId()))).toList(), page.nextCursor());
    }
}
