package org.pando.store;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.pando.recommend.VisitorLinks;

/** Visitors who made an account, one row each. */
public final class JdbiVisitorLinks implements VisitorLinks {
    private final Jdbi jdbi;

    public JdbiVisitorLinks(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean link(String visitorId, String accountId) {
        return UniqueViolation.insertedOnce(() -> jdbi.withHandle(h -> h.createUpdate("""
                        insert into visitor_accounts (visitor_id, account_id, linked_at) values (:visitor, :account, :now)""")
                .bind("visitor", visitorId).bind("account", accountId).bind("now", System.currentTimeMillis()).execute()));
    }

    @Override
    public Map<String, String> all() {
        Map<String, String> links = new HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select visitor_id, account_id from visitor_accounts")
                .map((rs, ctx) -> Map.entry(rs.getString("visitor_id"), rs.getString("account_id")))
                .forEach(e -> links.put(e.getKey(), e.getValue())));
        return links;
    }
}
