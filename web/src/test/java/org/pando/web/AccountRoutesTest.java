package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/** Sign-up, sign-in and out, browser sessions with CSRF, the profile and API tokens. */
class AccountRoutesTest extends InMemoryRoutes {
    AccountRoutesTest(DirectClient client) {
        super(client);
    }

    /** A cookie as a Set-Cookie header sets it; attribute names lower-cased, such as {@code samesite=lax}. */
    private record SetCookie(String name, String value, Set<String> attributes) {
        static SetCookie parse(String header) {
            List<String> parts = Arrays.stream(header.split(";")).map(String::trim).toList();
            String[] pair = parts.getFirst().split("=", 2);
            return new SetCookie(pair[0], pair.length == 2 ? pair[1] : "", parts.stream().skip(1)
                    .map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
        }
    }

    private record BadSignUp(String problem, String username, String password, String email, String field) {
    }

    private static final List<BadSignUp> BAD_SIGN_UPS = List.of(
            new BadSignUp("a 7-character password", "pw", "short12", "pw@example.org", "password"),
            new BadSignUp("a two-letter username", "ab", ApiCalls.PASSWORD, "ab@example.org", "username"),
            new BadSignUp("a username with a space", "two words", ApiCalls.PASSWORD, "tw@example.org", "username"),
            new BadSignUp("a username starting with a dash", "-dash", ApiCalls.PASSWORD, "d@example.org", "username"),
            new BadSignUp("an email without @", "mail", ApiCalls.PASSWORD, "not-an-address", "email"),
            new BadSignUp("an email without a domain", "mail", ApiCalls.PASSWORD, "someone@localhost", "email"));

    @Test
    void signUpCreatesTheAccountWithADefaultChannelNamedAfterIt() {
        String username = ApiCalls.uniqueName("ana");

        Reply reply = api.post("/api/v1/accounts")
                .json(Map.of("username", username, "password", ApiCalls.PASSWORD, "email", username + "@example.org"))
                .send().expect(201);

        JsonNode account = reply.json();
        assertThat(reply.header("Location")).as("Location of %s", reply).hasValue("/api/v1/me");
        assertThat(account.path("username").asText()).as("username in %s", reply).isEqualTo(username);
        assertThat(account.path("email").asText()).as("email in %s", reply).isEqualTo(username + "@example.org");
        assertThat(account.path("id").asText()).as("id in %s", reply).isNotBlank();
        assertThat(account.path("channels").size()).as("channels of a new account in %s", reply).isEqualTo(1);
        JsonNode channel = account.path("channels").path(0);
        assertThat(channel.path("handle").asText()).as("default channel handle in %s", reply).isEqualTo(username);
        assertThat(channel.path("display_name").asText()).as("default channel name in %s", reply).isEqualTo(username);
        assertThat(reply.text()).as("sign-up reply never echoes the password").doesNotContain(ApiCalls.PASSWORD);
    }

    @Test
    void signUpTakesCountryAndLanguagesFromAcceptLanguage() {
        String username = ApiCalls.uniqueName("minji");

        Reply reply = api.post("/api/v1/accounts").header("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.8")
                .json(Map.of("username", username, "password", ApiCalls.PASSWORD, "email", username + "@example.org"))
                .send().expect(201);

        assertThat(reply.json().path("country").asText()).as("country defaulted from Accept-Language in %s", reply)
                .isEqualTo("KR");
        assertThat(texts(reply.json().path("languages"))).as("languages defaulted from Accept-Language in %s", reply)
                .containsExactly("ko", "en");
    }

    @Test
    void aTakenUsernameIsAConflictWhateverItsCase() {
        String username = ApiCalls.uniqueName("taken");
        api.signUp(username);

        for (String again : List.of(username, username.toUpperCase(Locale.ROOT))) {
            api.post("/api/v1/accounts")
                    .json(Map.of("username", again, "password", ApiCalls.PASSWORD, "email", "other-" + username + "@example.org"))
                    .send().expectProblem(409, "username-taken");
        }
    }

    @Test
    void badFieldsAreRefusedNamingTheField() {
        for (BadSignUp bad : BAD_SIGN_UPS) {
            String suffix = ApiCalls.uniqueName("x").replace("-", "");
            String username = bad.field().equals("username") ? bad.username() : bad.username() + suffix;

            Reply reply = api.post("/api/v1/accounts")
                    .json(Map.of("username", username, "password", bad.password(), "email", bad.email()))
                    .send().expect(400);

            assertThat(reply.header("Content-Type").orElse("")).as("Content-Type for %s: %s", bad.problem(), reply)
                    .startsWith(ApiCalls.PROBLEM_JSON);
            assertThat(reply.json().path("field").asText()).as("field named for %s: %s", bad.problem(), reply)
                    .isEqualTo(bad.field());
        }
    }

    @Test
    void signInGivesABearerTokenThatWorksOnMe() {
        String username = ApiCalls.uniqueName("bo");
        api.signUp(username);

        Reply signIn = api.post("/api/v1/sessions").json(Map.of("username", username, "password", ApiCalls.PASSWORD))
                .send().expect(200);
        String token = signIn.json().path("token").asText();

        assertThat(token).as("token in %s", signIn).isNotBlank();
        assertThat(signIn.header("Set-Cookie")).as("Set-Cookie of a script's sign-in %s", signIn).isEmpty();
        Reply me = api.get("/api/v1/me").bearer(token).send().expect(200);
        assertThat(me.json().path("username").asText()).as("username of GET /api/v1/me: %s", me).isEqualTo(username);
        api.get("/api/v1/me").send().expectProblem(401, "not-signed-in");
    }

    @Test
    void aWrongPasswordOrUnknownUserIsInvalidCredentials() {
        String username = ApiCalls.uniqueName("cy");
        api.signUp(username);

        api.post("/api/v1/sessions").json(Map.of("username", username, "password", ApiCalls.PASSWORD + "!"))
                .send().expectProblem(401, "invalid-credentials");
        api.post("/api/v1/sessions").json(Map.of("username", username + "-nobody", "password", ApiCalls.PASSWORD))
                .send().expectProblem(401, "invalid-credentials");
    }

    @Test
    void aBrowserSignInSetsSessionAndCsrfCookiesAndNoToken() {
        String username = ApiCalls.uniqueName("di");
        api.signUp(username);

        Reply reply = browserSignIn(username);

        SetCookie session = cookie(reply, Callers.SESSION_COOKIE);
        SetCookie csrf = cookie(reply, Callers.CSRF_COOKIE);
        assertThat(session.value()).as("session cookie value in %s", reply).isNotBlank();
        assertThat(session.attributes()).as("attributes of the session cookie in %s", reply)
                .contains("httponly", "secure", "samesite=lax", "path=/");
        assertThat(csrf.value()).as("CSRF cookie value in %s", reply).isNotBlank().isNotEqualTo(session.value());
        assertThat(csrf.attributes()).as("CSRF cookie must be readable by the page's script: %s", reply)
                .doesNotContain("httponly");
        assertThat(reply.json().has("token")).as("a browser sign-in has no token in the body: %s", reply).isFalse();
        assertThat(reply.text()).as("body of a browser sign-in never carries the session secret")
                .doesNotContain(session.value());
        assertThat(reply.json().path("signed_in").asBoolean()).as("signed_in in %s", reply).isTrue();
    }

    @Test
    void aBrowserSessionNeedsTheCsrfHeaderToChangeTheProfile() {
        String username = ApiCalls.uniqueName("el");
        api.signUp(username);
        Reply signIn = browserSignIn(username);
        String session = cookie(signIn, Callers.SESSION_COOKIE).value();
        String csrf = cookie(signIn, Callers.CSRF_COOKIE).value();
        String cookies = Callers.SESSION_COOKIE + "=" + session + "; " + Callers.CSRF_COOKIE + "=" + csrf;

        api.get("/api/v1/me").header("Cookie", cookies).send().expect(200);
        api.patch("/api/v1/me").header("Cookie", cookies).json(Map.of("country", "PT"))
                .send().expectProblem(403, "csrf-rejected");
        api.patch("/api/v1/me").header("Cookie", cookies).header(Callers.CSRF_HEADER, csrf + "x")
                .json(Map.of("country", "PT")).send().expectProblem(403, "csrf-rejected");
        Reply changed = api.patch("/api/v1/me").header("Cookie", cookies).header(Callers.CSRF_HEADER, csrf)
                .json(Map.of("country", "PT")).send().expect(200);

        assertThat(changed.json().path("country").asText()).as("country after PATCH in %s", changed).isEqualTo("PT");
    }

    @Test
    void anInvalidCountryIsRefusedAndTheProfileKept() {
        Caller caller = api.signUp(ApiCalls.uniqueName("fe"), Map.of("country", "BR"));

        Reply reply = api.patch("/api/v1/me").as(caller).json(Map.of("country", "XX")).send().expect(400);

        assertThat(reply.json().path("field").asText()).as("field of %s", reply).isEqualTo("country");
        Reply me = api.get("/api/v1/me").as(caller).send().expect(200);
        assertThat(me.json().path("country").asText()).as("country after a refused PATCH: %s", me).isEqualTo("BR");
    }

    @Test
    void apiTokensCanBeCreatedListedUsedAndRevoked() {
        Caller caller = api.signUp(ApiCalls.uniqueName("gu"));

        Reply created = api.post("/api/v1/me/tokens").as(caller).json(Map.of("name", "backup script")).send().expect(201);
        String id = created.json().path("id").asText();
        String secret = created.json().path("token").asText();
        assertThat(id).as("token id in %s", created).isNotBlank();
        assertThat(secret).as("token secret in %s", created).isNotBlank();

        Reply list = api.get("/api/v1/me/tokens").as(caller).send().expect(200);
        assertThat(list.json().path("items").size()).as("listed tokens in %s", list).isEqualTo(1);
        JsonNode listed = list.json().path("items").path(0);
        assertThat(listed.path("id").asText()).as("listed token id in %s", list).isEqualTo(id);
        assertThat(listed.path("name").asText()).as("listed token name in %s", list).isEqualTo("backup script");
        assertThat(listed.has("token")).as("a listed token has no secret field: %s", list).isFalse();
        assertThat(list.text()).as("the token list never contains the secret").doesNotContain(secret);

        Reply me = api.get("/api/v1/me").bearer(secret).send().expect(200);
        assertThat(me.json().path("id").asText()).as("account of the API token: %s", me).isEqualTo(caller.id());

        api.delete("/api/v1/me/tokens/" + id).as(caller).send().expect(204);
        api.get("/api/v1/me").bearer(secret).send().expectProblem(401, "not-signed-in");
        Reply after = api.get("/api/v1/me/tokens").as(caller).send().expect(200);
        assertThat(after.json().path("items").size()).as("tokens after revoking: %s", after).isZero();
    }

    @Test
    void anotherAccountCannotRevokeYourApiToken() {
        Caller owner = api.signUp(ApiCalls.uniqueName("tok"));
        Caller stranger = api.signUp(ApiCalls.uniqueName("thief"));
        Reply created = api.post("/api/v1/me/tokens").as(owner).json(Map.of("name", "ci")).send().expect(201);

        Reply reply = api.delete("/api/v1/me/tokens/" + created.json().path("id").asText()).as(stranger).send();

        assertThat(reply.status()).as("status when another account revokes the token: %s", reply).isEqualTo(404);
        api.get("/api/v1/me").bearer(created.json().path("token").asText()).send().expect(200);
        Reply strangers = api.get("/api/v1/me/tokens").as(stranger).send().expect(200);
        assertThat(strangers.json().path("items").size()).as("tokens listed for another account: %s", strangers)
                .isZero();
    }

    @Test
    void signOutEndsOnlyThePresentedToken() {
        Caller caller = api.signUp(ApiCalls.uniqueName("ha"));
        String otherSession = api.signIn(caller.username());

        api.delete("/api/v1/sessions/current").as(caller).send().expect(204);

        api.get("/api/v1/me").as(caller).send().expectProblem(401, "not-signed-in");
        api.get("/api/v1/me").bearer(otherSession).send().expect(200);
    }

    @Test
    void malformedJsonIsBodyMalformed() {
        api.post("/api/v1/accounts").body("{\"username\": ".getBytes(StandardCharsets.UTF_8), "application/json")
                .send().expectProblem(400, "body-malformed");
    }

    @Test
    void anUnknownApiPathIsNoSuchEndpoint() {
        Reply reply = api.get("/api/v1/nothing-here").send().expectProblem(404, "no-such-endpoint");

        assertThat(reply.json().path("instance").asText()).as("instance of %s", reply).isEqualTo("/api/v1/nothing-here");
    }

    private Reply browserSignIn(String username) {
        return api.post("/api/v1/sessions")
                .json(Map.of("username", username, "password", ApiCalls.PASSWORD, "cookie", true)).send().expect(200);
    }

    private static SetCookie cookie(Reply reply, String name) {
        Optional<SetCookie> cookie = reply.all("Set-Cookie").stream().map(SetCookie::parse)
                .filter(c -> c.name().equals(name)).findFirst();
        assertThat(cookie).as("Set-Cookie %s in %s (Set-Cookie headers: %s)", name, reply, reply.all("Set-Cookie"))
                .isPresent();
        return cookie.orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
