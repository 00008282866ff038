package org.pando.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pando.account.Account;
import org.pando.account.IssuedToken;
import org.pando.account.Locales;
import org.pando.account.ProfileUpdate;
import org.pando.account.Role;
import org.pando.account.SignUp;
import org.pando.catalog.Video;
import org.pando.domain.InvalidInput;
import org.pando.domain.Page;

/**
 * Sign-up, sign-in and out, the caller's profile, videos and API tokens, and roles (which only admins give).
 *
 * <p>{@code POST /api/v1/sessions} answers scripts with a bearer token; a browser sends
 * {@code "cookie": true} and gets the http-only session cookie instead, never the token.
 */
final class AccountRoutes implements HttpService {
    private static final System.Logger LOG = System.getLogger(AccountRoutes.class.getName());

    private final Backend backend;
    private final Callers callers;

    AccountRoutes(Backend backend, Callers callers) {
        this.backend = backend;
        this.callers = callers;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/api/v1/accounts", this::signUp)
                .post("/api/v1/sessions", this::signIn)
                .delete("/api/v1/sessions/current", this::signOut)
                .get("/api/v1/me", this::me)
                .patch("/api/v1/me", this::updateProfile)
                .get("/api/v1/me/videos", this::myVideos)
                .get("/api/v1/me/tokens", this::tokens)
                .post("/api/v1/me/tokens", this::createToken)
                .delete("/api/v1/me/tokens/{id}", this::revokeToken)
                .put("/api/v1/accounts/{username}/role", this::assignRole);
    }

    private void signUp(ServerRequest req, ServerResponse res) {
        JsonNode body = Json.body(req);
        String accept = req.headers().first(HeaderNames.ACCEPT_LANGUAGE).orElse("");
        Optional<String> country = Json.optionalText(body, "country").filter(c -> !c.isBlank())
                .or(() -> Locales.countryFrom(accept));
        List<String> languages = Json.optionalTexts(body, "languages").orElseGet(() -> Locales.languagesFrom(accept));
        SignUp signUp = SignUp.of(Json.text(body, "username"), Json.text(body, "password"), Json.text(body, "email"),
                country, languages);
        Account account = backend.registration().register(signUp);
        callers.visitorOf(req).ifPresent(visitor -> {
            try {
                backend.visitorSignUps().signedUp(visitor, account.id());
                callers.forgetVisitor(res);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "The new account was made, but its visitor history was not carried over", e);
            }
        });
        if (body.path("cookie").asBoolean(false)) {
            callers.startBrowserSession(res, backend.accounts().signIn(signUp.username(), signUp.password()));
        }
        res.header(HeaderNames.LOCATION, "/api/v1/me");
        Json.send(res, Status.CREATED_201, Views.account(account, backend.channels().ofOwner(account.id())));
    }

    private void signIn(ServerRequest req, ServerResponse res) {
        JsonNode body = Json.body(req);
        IssuedToken session = backend.accounts().signIn(Json.text(body, "username"), Json.text(body, "password"));
        Map<String, Object> json = new LinkedHashMap<>();
        if (body.path("cookie").asBoolean(false)) {
            callers.startBrowserSession(res, session);
            json.put("signed_in", true);
        } else {
            json.put("token", session.secret());
        }
        session.expiresAt().ifPresent(at -> json.put("expires_at", at.toString()));
        Json.send(res, json);
    }

    private void signOut(ServerRequest req, ServerResponse res) {
        // Resolving the caller checks the CSRF header, so another site cannot sign a browser out.
        if (callers.optional(req).isPresent()) {
            callers.presentedToken(req).ifPresent(backend.accounts()::signOut);
        }
        callers.endBrowserSession(res);
        res.status(Status.NO_CONTENT_204).send();
    }

    private void me(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Json.send(res, Views.account(account, backend.channels().ofOwner(account.id())));
    }

    private void updateProfile(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        JsonNode body = Json.body(req);
        ProfileUpdate update = new ProfileUpdate(
                body.has("country") ? Optional.of(body.path("country").asText("")) : Optional.empty(),
                Json.optionalTexts(body, "languages"));
        Account updated = backend.accounts().updateProfile(account.id(), update);
        Json.send(res, Views.account(updated, backend.channels().ofOwner(updated.id())));
    }

    /** The caller's videos in any state; a held one says why, a decided one what the moderator wrote. */
    private void myVideos(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Page<Video> page = backend.videos().ofOwner(account.id(), Query.cursor(req), Query.limit(req, 20));
        Views.ChannelCache channels = new Views.ChannelCache(backend.channels());
        Json.send(res, Views.page(page.items().stream().map(v -> {
            Map<String, Object> json = Views.video(v, channels.get(v.channelId()));
            if (v.publication().moderated()) {
                backend.reviews().standingForCreator(v.id()).ifPresent(r -> json.put("review", Views.review(r, false)));
            }
            return json;
        }).toList(), page.nextCursor()));
    }

    /** An admin makes another account a member, moderator or admin. */
    private void assignRole(ServerRequest req, ServerResponse res) {
        Account admin = callers.required(req);
        String name = Json.text(Json.body(req), "role");
        Role role = Role.ofWireName(name).orElseThrow(() -> new InvalidInput("role", "Say member, moderator or admin."));
        Account changed = backend.accounts().assignRole(admin, req.path().pathParameters().get("username"), role);
        Json.send(res, Map.of("username", changed.username(), "role", changed.role().wireName()));
    }

    private void tokens(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Json.send(res, Map.of("items", backend.accounts().apiTokens(account.id()).stream()
                .map(t -> Map.of("id", t.id(), "name", t.name(), "created_at", t.createdAt().toString())).toList()));
    }

    private void createToken(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        IssuedToken token = backend.accounts().createApiToken(account.id(), Json.text(Json.body(req), "name"));
        Json.send(res, Status.CREATED_201, Map.of("id", token.id(), "token", token.secret()));
    }

    private void revokeToken(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        backend.accounts().revokeApiToken(account.id(), req.path().pathParameters().get("id"));
        res.status(Status.NO_CONTENT_204).send();
    }
}
