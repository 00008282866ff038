package org.pando.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.pando.account.Account;
import org.pando.catalog.Video;
import org.pando.domain.InvalidInput;
import org.pando.ledger.Coins;
import org.pando.ledger.LedgerAccount;
import org.pando.ledger.LedgerTransaction;
import org.pando.ledger.Statement;
import org.pando.ledger.Wallets;

/**
 * The signed-in person's wallet: its balance, top-ups through the test provider, tips on videos and monthly
 * statements as JSON or CSV. Every payment request carries an {@code Idempotency-Key} header; a retry with the
 * same key gets the first answer and moves no more money.
 */
final class WalletRoutes implements HttpService {
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Backend backend;
    private final Callers callers;
    private final VisibleVideos videos;

    WalletRoutes(Backend backend, Callers callers) {
        this.backend = backend;
        this.callers = callers;
        this.videos = new VisibleVideos(backend);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/v1/wallet", this::wallet)
                .post("/api/v1/wallet/top-ups", this::topUp)
                .get("/api/v1/wallet/statement", this::statement)
                .get("/api/v1/wallet/statement.csv", this::statementCsv)
                .post("/api/v1/videos/{id}/tips", this::tip);
    }

    private void wallet(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Map<String, Object> json = balance(backend.wallets().balance(account.id()));
        json.put("provider", Map.of("name", Wallets.TEST_PROVIDER_NAME, "test", true,
                "note", "A test provider: top-ups add coins without any payment. No real money moves."));
        json.put("max_top_up_minor", Wallets.MAX_TOP_UP_MINOR);
        json.put("max_tip_minor", Wallets.MAX_TIP_MINOR);
        Json.send(res, json);
    }

    private void topUp(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        LedgerTransaction t = backend.wallets().topUp(account.id(), amount(Json.body(req)), key(req));
        Json.send(res, Status.CREATED_201, transaction(t, account));
    }

    private void tip(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Video video = videos.get(req, Optional.of(account));
        JsonNode body = Json.body(req);
        String creator = backend.channels().byId(video.channelId()).ownerId();
        LedgerTransaction t = backend.wallets().tip(account.id(), creator, video.id(), amount(body),
                Json.optionalText(body, "message").orElse(""), key(req));
        Json.send(res, Status.CREATED_201, transaction(t, account));
    }

    private void statement(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Statement s = backend.wallets().statement(account.id(), Query.month(req, backend.clock()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("month", s.month().toString());
        json.put("currency", Coins.CODE);
        json.put("opening_minor", s.openingMinor());
        json.put("closing_minor", s.closingMinor());
        json.put("tips_received_minor", s.tipsReceivedMinor());
        json.put("lines", s.lines().stream().map(line -> {
            Map<String, Object> row = line(line.transaction());
            row.put("amount_minor", line.amountMinor());
            row.put("balance_minor", line.balanceMinor());
            return row;
        }).toList());
        Json.send(res, json);
    }

    private void statementCsv(ServerRequest req, ServerResponse res) {
        Account account = callers.required(req);
        Statement s = backend.wallets().statement(account.id(), Query.month(req, backend.clock()));
        res.header(HeaderNames.CONTENT_TYPE, "text/csv; charset=UTF-8")
                .header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"pando-statement-" + s.month() + ".csv\"")
                .send(s.csv().getBytes(StandardCharsets.UTF_8));
    }

    private static long amount(JsonNode body) {
        JsonNode value = body.get("amount_minor");
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidInput("amount_minor", "Send 'amount_minor', a whole number of minor units ("
                    + Coins.MINOR_PER_COIN + " to a coin).");
        }
        return value.asLong();
    }

    private static String key(ServerRequest req) {
        return req.headers().first(HeaderNames.create(IDEMPOTENCY_KEY)).orElse(null);
    }

    private static Map<String, Object> balance(long minor) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("balance_minor", minor);
        json.put("balance", Coins.format(minor));
        json.put("currency", Coins.CODE);
        json.put("minor_per_coin", Coins.MINOR_PER_COIN);
        return json;
    }

    private Map<String, Object> transaction(LedgerTransaction t, Account account) {
        Map<String, Object> json = line(t);
        json.put("amount_minor", t.amountFor(LedgerAccount.wallet(account.id())));
        json.put("wallet", balance(backend.wallets().balance(account.id())));
        return json;
    }

    private static Map<String, Object> line(LedgerTransaction t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("kind", t.kind().wireName());
        json.put("at", t.at().toString());
        json.put("video", t.videoId().orElse(null));
        json.put("memo", t.memo());
        return json;
    }
}
