package org.pando.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * No other site may show Pando's pages in a frame (so none can dress them up and trick a viewer into clicks they
 * did not mean), except the embeddable player under {@code /embed/}, which exists to be framed.
 */
final class FramingPolicy implements Filter {
    static final HeaderName FRAME_OPTIONS = HeaderNames.create("X-Frame-Options");
    static final HeaderName CONTENT_SECURITY_POLICY = HeaderNames.create("Content-Security-Policy");
    static final String DENY_FRAMING = "frame-ancestors 'none'";

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!req.path().path().startsWith(Views.EMBED_PREFIX)) {
            // X-Frame-Options for browsers that predate the policy's frame-ancestors
            res.header(FRAME_OPTIONS, "DENY");
            res.header(CONTENT_SECURITY_POLICY, DENY_FRAMING);
        }
        chain.proceed();
    }
}
