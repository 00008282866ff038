package org.pando.eval;

import org.pando.learn.Interactions;

/**
 * A dataset in one split: what models learn from and what they are tested on.
 *
 * @param name           {@code gowalla} or {@code kuairec}
 * @param protocol       how it is trained and tested, for the report
 * @param train          the positives models learn from
 * @param test           the held-out positives
 * @param trainNegatives the negatives models may learn from, of the training splits only; empty where none
 *                       are known
 * @param negatives      every negative of the splits in play, training and test, for the share of known
 *                       negatives recommended; never given to a model
 * @param testNegatives  the negatives of the test split, for AUC on the labelled test pairs
 */
public record Dataset(String name, String protocol, Interactions train, Interactions test, Interactions trainNegatives,
        Interactions negatives, Interactions testNegatives) {

    /** Whether negative feedback is known (KuaiRec). */
    public boolean hasNegatives() {
        return negatives.size() > 0;
    }
}
