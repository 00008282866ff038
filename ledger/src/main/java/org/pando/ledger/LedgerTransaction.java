package org.pando.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A movement of money: postings that add up to zero, so that money is never made or lost inside the ledger.
 *
 * @param id             stable random identifier
 * @param idempotencyKey the key the request carried, scoped by who asked; a second request with it gets this one
 * @param kind           top-up or tip
 * @param postings       at least two, adding up to zero
 * @param videoId        the video a tip was given on
 * @param memo           what the person wrote with it
 * @param at             when it was posted
 */
public record LedgerTransaction(String id, String idempotencyKey, TransactionKind kind, List<Posting> postings,
        Optional<String> videoId, String memo, Instant at) {

    public LedgerTransaction {
        postings = List.copyOf(postings);
        if (postings.size() < 2) {
            throw new IllegalArgumentException("A transaction needs two postings at least");
        }
        long sum = 0;
        for (Posting p : postings) {
            sum = Math.addExact(sum, p.amountMinor());
        }
        if (sum != 0) {
            throw new IllegalArgumentException("A transaction's postings must add up to zero, not " + sum);
        }
    }

    /** What this transaction moved into or out of the account (0 when it does not touch it). */
    public long amountFor(LedgerAccount account) {
        return postings.stream().filter(p -> p.account().equals(account)).mapToLong(Posting::amountMinor).sum();
    }
}
