package org.pando.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.SetCookie;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pando.account.Account;
import org.pando.account.AccountService;
import org.pando.account.IssuedToken;
import org.pando.account.Locales;
import org.pando.account.NotSignedIn;
import org.pando.domain.DomainException;
import org.pando.domain.RandomIds;
import org.pando.events.UserEvent;
import org.pando.recommend.Viewer;

/**
 * Who is calling: a script with {@code Authorization: Bearer <token>}, or a browser with the http-only
 * session cookie. Browser requests that change something must also repeat the {@code pando_csrf} cookie
 * in the {@code X-CSRF-Token} header (double-submit), which another site's page cannot read.
 */
final class Callers {
    static final String SESSION_COOKIE = "pando_session";
    static final String CSRF_COOKIE = "pando_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** The cookie that keeps a visitor's id, so that what they watch without an account shapes their feed. */
    static final String VISITOR_COOKIE = "pando_visitor";
    private static final int VISITOR_ID_LENGTH = 24;
    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9]{" + VISITOR_ID_LENGTH + "}");
    private static final Duration VISITOR_TTL = Duration.ofDays(365);
    private static final Set<Method> SAFE = Set.of(Method.GET, Method.HEAD, Method.OPTIONS);

    private final AccountService accounts;
    private final WebConfig config;

    Callers(AccountService accounts, WebConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    /** The signed-in account, or {@link NotSignedIn}; checks CSRF for cookie sessions on unsafe methods. */
    Account required(ServerRequest req) {
        return optional(req).orElseThrow(NotSignedIn::new);
    }

    /** The signed-in account, if any. */
    Optional<Account> optional(ServerRequest req) {
        Optional<String> bearer = bearer(req);
        if (bearer.isPresent()) {
            return Optional.of(accounts.authenticate(bearer.get()).orElseThrow(NotSignedIn::new));
        }
        Optional<String> session = cookie(req, SESSION_COOKIE);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.authenticate(session.get());
        if (account.isPresent() && !SAFE.contains(req.prologue().method())) {
            checkCsrf(req);
        }
        return account;
    }

    /** The session secret the browser presented, if any. */
    Optional<String> presentedToken(ServerRequest req) {
        return bearer(req).or(() -> cookie(req, SESSION_COOKIE));
    }

    /**
     * Who a feed is for: the profile when signed in, otherwise the visitor (if their browser sent events
     * before) with what the browser's languages suggest.
     */
    Viewer viewer(ServerRequest req) {
        Optional<Account> account = optional(req);
        if (account.isPresent()) {
            Account a = account.get();
            return new Viewer(Optional.of(a.id()), a.country(), a.languages());
        }
        String accept = req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse("");
        return new Viewer(Optional.empty(), visitorOf(req), Locales.countryFrom(accept),
                Locales.languagesFrom(accept));
    }

    /**
     * Whom a request's events are for: the signed-in account, or else the visitor, whose browser is given an
     * id (a first-party, http-only cookie that says nothing but itself) on this response if it has none.
     */
    EventAuthor eventAuthor(ServerRequest req, ServerResponse res) {
        Optional<Account> account = optional(req);
        if (account.isPresent()) {
            return EventAuthor.of(account.get());
        }
        String id = visitor(req).orElseGet(() -> {
            String issued = RandomIds.secret().substring(0, VISITOR_ID_LENGTH);
            res.headers().addCookie(SetCookie.builder(VISITOR_COOKIE, issued).path("/").httpOnly(true)
                    .secure(config.secureCookies()).sameSite(SetCookie.SameSite.LAX).maxAge(VISITOR_TTL).build());
            return issued;
        });
        String accept = req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse("");
        return new EventAuthor(UserEvent.VISITOR_PREFIX + id, Locales.countryFrom(accept), Locales.languagesFrom(accept).stream().findFirst(),
                Optional.empty());
    }

    /** The visitor this browser has been, when it sent events without an account ({@code visitor-…}). */
    Optional<String> visitorOf(ServerRequest req) {
        return visitor(req).map(id -> UserEvent.VISITOR_PREFIX + id);
    }

    /** Clears the visitor cookie, once the browser's watching belongs to an account. */
    void forgetVisitor(ServerResponse res) {
        clearCookie(res, VISITOR_COOKIE, true);
    }

    private static Optional<String> visitor(ServerRequest req) {
        return cookie(req, VISITOR_COOKIE).filter(v -> VISITOR_ID.matcher(v).matches());
    }

    /** Sets the session cookie (http-only) and a fresh CSRF cookie (readable by the page's script). */
    void startBrowserSession(ServerResponse res, IssuedToken session) {
        res.headers().addCookie(SetCookie.builder(SESSION_COOKIE, session.secret())
                .path("/").httpOnly(true).secure(config.secureCookies()).sameSite(SetCookie.SameSite.LAX)
                .maxAge(config.sessionTtl()).build());
        res.headers().addCookie(SetCookie.builder(CSRF_COOKIE, RandomIds.secret())
                .path("/").httpOnly(false).secure(config.secureCookies()).sameSite(SetCookie.SameSite.STRICT)
                .maxAge(config.sessionTtl()).build());
    }

    /** Clears both cookies. */
    void endBrowserSession(ServerResponse res) {
        clearCookie(res, SESSION_COOKIE, true);
        clearCookie(res, CSRF_COOKIE, false);
    }

    /** Empties a cookie and dates it in the past, which makes browsers drop it. */
    private void clearCookie(ServerResponse res, String name, boolean httpOnly) {
        res.headers().addCookie(SetCookie.builder(name, "").path("/").secure(config.secureCookies()).httpOnly(httpOnly)
                .expires(Instant.EPOCH).build());
    }

    private static void checkCsrf(ServerRequest req) {
        Optional<String> cookie = cookie(req, CSRF_COOKIE);
        Optional<String> header = req.headers().first(HeaderNames.create(CSRF_HEADER));
        if (cookie.isEmpty() || header.isEmpty() || !MessageDigest.isEqual(
                cookie.get().getBytes(StandardCharsets.UTF_8), header.get().getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRejected();
        }
    }

    private static Optional<String> bearer(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
    }

    private static Optional<String> cookie(ServerRequest req, String name) {
        return req.headers().cookies().first(name).asOptional().filter(v -> !v.isEmpty());
    }

    /** A browser request that changes something arrived without the matching CSRF header. */
    static final class CsrfRejected extends DomainException {
        private static final long serialVersionUID = 1L;

        CsrfRejected() {
            super(Reason.FORBIDDEN, "csrf-rejected",
                    "This request lacks the page's security token; reload the page and try again.");
        }
    }
}
