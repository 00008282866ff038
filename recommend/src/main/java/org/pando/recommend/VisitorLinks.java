package org.pando.recommend;

import java.util.Map;

/** Which visitors made which accounts, kept durably. Implemented by the store module. */
public interface VisitorLinks {
    /**
     * Records that the visitor made this account; returns false, changing nothing, when the visitor was already
     * linked (a visitor makes one account).
     */
    boolean link(String visitorId, String accountId);

    /** Every link, visitor id to account id. */
    Map<String, String> all();
}
