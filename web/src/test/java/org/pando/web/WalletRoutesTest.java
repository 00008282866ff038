package org.pando.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.testing.junit5.DirectClient;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pando.catalog.Video;
import org.pando.web.ApiCalls.Caller;
import org.pando.web.ApiCalls.Reply;

/** Wallets ({@code /api/v1/wallet}) and tips ({@code POST /api/v1/videos/{id}/tips}). */
class WalletRoutesTest extends InMemoryRoutes {
    WalletRoutesTest(DirectClient client) {
        super(client);
    }

    @Test
    void aRetriedTopUpAddsCoinsOnceAndATipMovesThemToTheCreator() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("fan"));
        Video video = ApiCalls.readyVideo(backend.backend, creator, "Worth a tip");

        for (int i = 0; i < 2; i++) {
            api.post("/api/v1/wallet/top-ups").as(viewer).header("Idempotency-Key", "top-up-1")
                    .json(Map.of("amount_minor", 1_000)).send().expect(201);
        }
        assertThat(api.get("/api/v1/wallet").as(viewer).send().expect(200).json().path("balance").asText())
                .as("balance after one top-up sent twice").isEqualTo("10.00");

        Reply tip = api.post("/api/v1/videos/" + video.id() + "/tips").as(viewer).header("Idempotency-Key", "tip-1")
                .json(Map.of("amount_minor", 250, "message", "Lovely")).send().expect(201);
        assertThat(tip.json().path("amount_minor").asLong()).as("what the tip took from the viewer in %s", tip).isEqualTo(-250);
        assertThat(tip.json().path("wallet").path("balance_minor").asLong()).as("the viewer's balance after").isEqualTo(750);
        assertThat(api.get("/api/v1/wallet").as(creator).send().expect(200).json().path("balance_minor").asLong())
                .as("the creator's balance").isEqualTo(250);

        String month = YearMonth.now(ZoneOffset.UTC).toString();
        Reply statement = api.get("/api/v1/wallet/statement?month=" + month).as(creator).send().expect(200);
        assertThat(statement.json().path("tips_received_minor").asLong()).as("earnings in %s", statement).isEqualTo(250);
        String csv = api.get("/api/v1/wallet/statement.csv?month=" + month).as(creator).send().expect(200).text();
        assertThat(csv).as("the creator's CSV statement").contains(",tip," + video.id() + ",Lovely,2.50,2.50\r\n")
                .endsWith(",,closing,,,,2.50\r\n");
    }

    @Test
    void theStudioShowsAMonthsTipsPerVideoTheBestEarnerFirst() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("fan"));
        Video rain = ApiCalls.readyVideo(backend.backend, creator, "Rain");
        Video snow = ApiCalls.readyVideo(backend.backend, creator, "Snow");
        api.post("/api/v1/wallet/top-ups").as(viewer).header("Idempotency-Key", "k0").json(Map.of("amount_minor", 10_000))
                .send().expect(201);
        int key = 0;
        for (var tip : List.of(Map.entry(rain, 100), Map.entry(snow, 700), Map.entry(rain, 250))) {
            api.post("/api/v1/videos/" + tip.getKey().id() + "/tips").as(viewer).header("Idempotency-Key", "tip-" + key++)
                    .json(Map.of("amount_minor", tip.getValue())).send().expect(201);
        }

        JsonNode earnings = api.get("/api/v1/studio/earnings").as(creator).send().expect(200).json();
        assertThat(earnings.path("month").asText()).as("the current month in %s", earnings)
                .isEqualTo(YearMonth.now(ZoneOffset.UTC).toString());
        assertThat(earnings.path("tips").asInt()).as("tips received").isEqualTo(3);
        assertThat(earnings.path("amount").asText()).as("earned in the month").isEqualTo("10.50");
        assertThat(earnings.path("videos").toString()).as("per video, the best earner first").isEqualTo(
                "[{\"id\":\"" + snow.id() + "\",\"title\":\"Snow\",\"tips\":1,\"amount_minor\":700,\"amount\":\"7.00\"},"
                        + "{\"id\":\"" + rain.id() + "\",\"title\":\"Rain\",\"tips\":2,\"amount_minor\":350,\"amount\":\"3.50\"}]");
        JsonNode lastYear = api.get("/api/v1/studio/earnings?month=" + YearMonth.now(ZoneOffset.UTC).minusYears(1)).as(creator)
                .send().expect(200).json();
        assertThat(lastYear.path("videos").size()).as("no tips a year ago").isZero();
        assertThat(api.get("/api/v1/studio/earnings").as(viewer).send().expect(200).json().path("tips").asInt())
                .as("the tipper earned nothing").isZero();
        api.get("/api/v1/studio/earnings?month=2026-13").as(creator).send().expectProblem(400, "invalid-month");
        api.get("/api/v1/studio/earnings").send().expectProblem(401, "not-signed-in");
    }

    @Test
    void tipsAreRefusedWithoutAKeyBeyondTheBalanceAndToOneself() {
        Caller creator = api.signUp(ApiCalls.uniqueName("maker"));
        Caller viewer = api.signUp(ApiCalls.uniqueName("fan"));
        Video video = ApiCalls.readyVideo(backend.backend, creator, "Not free");
        String tips = "/api/v1/videos/" + video.id() + "/tips";

        api.post(tips).as(viewer).json(Map.of("amount_minor", 100)).send().expectProblem(400, "invalid-idempotency-key");
        api.post(tips).as(viewer).header("Idempotency-Key", "k1").json(Map.of("amount_minor", 100)).send()
                .expectProblem(409, "insufficient-funds");
        api.post(tips).as(viewer).header("Idempotency-Key", "k2").json(Map.of("amount_minor", 0)).send()
                .expectProblem(400, "invalid-amount_minor");
        api.post("/api/v1/wallet/top-ups").as(creator).header("Idempotency-Key", "k3").json(Map.of("amount_minor", 500))
                .send().expect(201);
        api.post(tips).as(creator).header("Idempotency-Key", "k4").json(Map.of("amount_minor", 100)).send()
                .expectProblem(400, "invalid-to");
        api.post(tips).header("Idempotency-Key", "k5").json(Map.of("amount_minor", 100)).send().expectProblem(401, "not-signed-in");
        assertThat(api.get("/api/v1/wallet").as(creator).send().expect(200).json().path("balance_minor").asLong())
                .as("the creator's balance after refused tips").isEqualTo(500);
    }
}
