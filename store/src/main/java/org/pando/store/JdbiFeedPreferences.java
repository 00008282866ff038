package org.pando.store;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.pando.recommend.FeedPreferences;
import org.pando.recommend.FeedPreferencesStore;
import org.pando.recommend.FeedStrategy;
import org.pando.recommend.Signal;

/** Each account's feed strategy and signal weights, the weights as {@code signal=weight} pairs separated by commas. */
public final class JdbiFeedPreferences implements FeedPreferencesStore {
    private final Jdbi jdbi;

    public JdbiFeedPreferences(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<FeedPreferences> find(String accountId) {
        return jdbi.withHandle(h -> h.createQuery("select strategy, weights from feed_preferences where account_id = :id")
                .bind("id", accountId)
                .map((rs, ctx) -> new FeedPreferences(
                        FeedStrategy.ofWireName(rs.getString("strategy")).orElse(FeedStrategy.PERSONALISED),
                        weights(rs.getString("weights"))))
                .findOne());
    }

    @Override
    public void save(String accountId, FeedPreferences preferences) {
        String weights = preferences.weights().entrySet().stream()
                .map(e -> e.getKey().wireName() + "=" + e.getValue()).collect(Collectors.joining(","));
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from feed_preferences where account_id = :id").bind("id", accountId).execute();
            h.createUpdate("""
                            insert into feed_preferences (account_id, strategy, weights, updated_at)
                            values (:id, :strategy, :weights, :now)""")
                    .bind("id", accountId).bind("strategy", preferences.strategy().wireName()).bind("weights", weights)
                    .bind("now", System.currentTimeMillis()).execute();
        });
    }

    private static Map<Signal, Double> weights(String text) {
        Map<Signal, Double> weights = new EnumMap<>(Signal.class);
        for (String pair : text.split(",")) {
            String[] parts = pair.split("=");
            if (parts.length == 2) {
                Signal.ofWireName(parts[0]).ifPresent(s -> weights.put(s, Double.parseDouble(parts[1])));
            }
        }
        return weights;
    }
}
