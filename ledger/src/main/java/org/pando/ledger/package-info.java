/**
 * Earnings: viewers tip creators in the platform's currency, kept in an append-only double-entry ledger.
 *
 * <p>Money is {@code long} minor units ({@link org.pando.ledger.Coins}), never a float. Every
 * {@link org.pando.ledger.LedgerTransaction} is a set of entries that add up to zero, posted whole or not at all by
 * a {@link org.pando.ledger.LedgerStore}, which also refuses a debit that would take a wallet below zero and returns
 * the first transaction again for a repeated idempotency key. {@link org.pando.ledger.Wallets} is what the web
 * calls: top-ups through the test provider (no real money moves), tips, balances and monthly
 * {@link org.pando.ledger.Statement}s.
 */
package org.pando.ledger;
