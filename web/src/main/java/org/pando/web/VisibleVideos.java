package org.pando.web;

import io.helidon.webserver.http.ServerRequest;
import java.util.Optional;
import org.pando.account.Account;
import org.pando.catalog.NotAllowed;
import org.pando.catalog.Video;

/**
 * Who sees the video named in a request's {@code {id}}: a published video everyone, any other (processing, being
 * checked, held for review or rejected) only its owner and moderators; to anyone else it does not exist.
 */
final class VisibleVideos {
    private final Backend backend;

    VisibleVideos(Backend backend) {
        this.backend = backend;
    }

    /** The video, or not found for a viewer who may not see it. */
    Video get(ServerRequest req, Optional<Account> viewer) {
        return backend.videos().visible(req.path().pathParameters().get("id"), viewer);
    }

    /** The video, if there is one the viewer may see. */
    Optional<Video> find(ServerRequest req, Optional<Account> viewer) {
        return backend.videos().find(req.path().pathParameters().get("id")).filter(v -> backend.videos().visibleTo(v, viewer));
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
