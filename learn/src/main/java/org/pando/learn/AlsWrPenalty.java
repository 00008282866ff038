package org.pando.learn;

/**
 * The regParam that gives Spark's ALS {@link ImplicitAls}'s L2 penalty on average. Spark penalises a user's or item's
 * vector by {@code regParam·n}, n its number of positives (the ALS-WR weighting of Zhou et al., 2008); Hu, Koren
 * and Volinsky, and {@link ImplicitAls}, by a fixed λ. Passing λ itself would multiply the penalty by the rows' degrees
 * (on KuaiRec, λ=50 shrinks every Spark factor to zero), so {@code regParam = λ / n̄}, with n̄ the mean number of
 * positives per user and item that have any.
 *
 * @param lambda        iALS's λ
 * @param meanPositives n̄
 */
public record AlsWrPenalty(float lambda, double meanPositives) {

    /** The penalty matching {@code lambda} on these interactions, whose positive weights count. */
    public static AlsWrPenalty matching(float lambda, Interactions train) {
        long positives = 0;
        int users = 0;
        boolean[] items = new boolean[train.items()];
        for (int u = 0; u < train.users(); u++) {
            int own = 0;
            for (int e = train.start(u); e < train.end(u); e++) {
                if (train.weight(e) > 0) {
                    own++;
                    items[train.item(e)] = true;
                }
            }
            positives += own;
            users += own > 0 ? 1 : 0;
        }
        int itemsWithPositives = 0;
        for (boolean item : items) {
            itemsWithPositives += item ? 1 : 0;
        }
        return counted(lambda, positives, users, itemsWithPositives);
    }

    /** The penalty matching {@code lambda}, from the number of positives and of the users and items that have any. */
    public static AlsWrPenalty counted(float lambda, long positives, long users, long items) {
        long rows = users + items;
        return new AlsWrPenalty(lambda, rows == 0 ? 1 : 2.0 * positives / rows);
    }

    /** The value passed to Spark as {@code regParam}. */
    public float regParam() {
        return (float) (lambda / meanPositives);
    }
}
