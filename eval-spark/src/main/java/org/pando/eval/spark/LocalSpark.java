package org.pando.eval.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.pando.learn.Interactions;

/**
 * A Spark session in local mode on this JVM's heap, bound to 127.0.0.1 with no web UI; closing it stops Spark
 * and clears the session from Spark's static registry, so no Spark thread keeps the JVM alive.
 *
 * <pre>{@code
 * try (LocalSpark spark = LocalSpark.start(2)) {
 *     Dataset<Row> ratings = spark.ratings(train);
 * }
 * }</pre>
 */
final class LocalSpark implements AutoCloseable {
    static final String USER = "user";
    static final String ITEM = "item";
    static final String WEIGHT = "weight";

    private static final StructType RATINGS = new StructType()
            .add(USER, DataTypes.IntegerType, false)
            .add(ITEM, DataTypes.IntegerType, false)
            .add(WEIGHT, DataTypes.FloatType, false);

    private final SparkSession session;

    private LocalSpark(SparkSession session) {
        this.session = session;
    }

    /** Starts a session with {@code cores} worker threads. */
    static LocalSpark start(int cores) {
        SparkSession session = SparkSession.builder()
                .master("local[" + cores + "]")
                .appName("pando-eval")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(2 * cores))
                .getOrCreate();
        return new LocalSpark(session);
    }

    SparkSession session() {
        return session;
    }

    /** The interactions as (user, item, weight) rows. */
    Dataset<Row> ratings(Interactions train) {
        List<Row> rows = new ArrayList<>(train.size());
        for (int u = 0; u < train.users(); u++) {
            for (int e = train.start(u); e < train.end(u); e++) {
                rows.add(RowFactory.create(u, train.item(e), train.weight(e)));
            }
        }
        return session.createDataFrame(rows, RATINGS);
    }

    @Override
    public void close() {
        session.stop();
        SparkSession.clearActiveSession();
        SparkSession.clearDefaultSession();
    }
}
