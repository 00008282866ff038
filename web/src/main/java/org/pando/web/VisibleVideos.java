package org.pando.web;

import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import org.pando.account.Account;
import org.pando.catalog.NotAllowed;
import org.pando.catalog.Video;
import org.pando.catalog.VideoNotFound;
import org.pando.catalog.VideoStatus;

/** Who sees the video named in a request's {@code {id}}: a ready video everyone, any other only its owner. */
final class VisibleVideos {
    private final Backend backend;

    VisibleVideos(Backend backend) {
        this.backend = backend;
    }

    /** The video, or not found for a viewer who may not see it. */
    Video get(ServerRequest req, Optional<Account> viewer) {
        return find(req, viewer).orElseThrow(() -> new VideoNotFound(req.path().pathParameters().get("id")));
    }

    /** The video, if there is one the viewer may see. */
    Optional<Video> find(ServerRequest req, Optional<Account> viewer) {
        return backend.videos().find(req.path().pathParameters().get("id"))
                .filter(v -> v.status() == VideoStatus.READY || viewer.filter(a -> backend.videos().ownedBy(v, a.id())).isPresent());
    }

    /** The video, which {@code account} must own. */
    Video owned(ServerRequest req, Account account) {
        Video video = get(req, Optional.of(account));
        if (!backend.videos().ownedBy(video, account.id())) {
            throw new NotAllowed("Only the video's creator may change it.");
        }
        return video;
    }
}
