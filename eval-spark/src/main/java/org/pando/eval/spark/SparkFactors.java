package org.pando.eval.spark;

import java.util.List;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The factors a Spark ALS model learned, copied out of Spark into row-major arrays ({@code rank} floats per
 * user or item); a user or item Spark never saw is all zeros.
 */
record SparkFactors(int rank, float[] users, float[] items) {

    static SparkFactors of(ALSModel model, int users, int items) {
        int rank = model.rank();
        return new SparkFactors(rank, rows(model.userFactors(), users, rank), rows(model.itemFactors(), items, rank));
    }

    /** One user's vector. */
    float[] user(int user) {
        float[] vector = new float[rank];
        System.arraycopy(users, user * rank, vector, 0, rank);
        return vector;
    }

    private static float[] rows(Dataset<Row> factors, int count, int rank) {
        float[] out = new float[count * rank];
        for (Row row : factors.collectAsList()) {
            int id = row.getInt(0);
            List<Float> features = row.getList(1);
            for (int f = 0; f < rank; f++) {
                out[id * rank + f] = features.get(f);
            }
        }
        return out;
    }
}
