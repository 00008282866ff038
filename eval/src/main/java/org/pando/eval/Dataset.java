package org.pando.eval;

import org.pando.learn.Interactions;

/**
 * A dataset in its published split.
 *
 * @param name      {@code gowalla} or {@code kuairec}
 * @param protocol  how it is trained and tested, for the report
 * @param train     what models learn from (positives of train and validation)
 * @param test      the held-out positives
 * @param negatives     interactions the users marked negative, in any split; empty where none are known
 * @param testNegatives the negatives of the test split, for AUC on the labelled test pairs
 */
public record Dataset(
        String name, String protocol, Interactions train, Interactions test, Interactions negatives, Interactions testNegatives) {

    /** Whether negative feedback is known (KuaiRec). */
    public boolean hasNegatives() {
        return negatives.size() > 0;
    }
}
