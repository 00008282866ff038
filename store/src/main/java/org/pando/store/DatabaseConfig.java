package org.pando.store;

import java.nio.file.Path;

/**
 * Settings of the database ({@code database.*}).
 *
 * @param url      JDBC URL ({@code database.url}); default an H2 file under the data directory
 * @param user     user name ({@code database.user}, default {@code pando})
 * @param password password ({@code database.password}, default empty)
 * @param poolSize most connections open at once ({@code database.pool-size}, default 10)
 */
public record DatabaseConfig(String url, String user, String password, int poolSize) {
    private static final int PARSED_STATEMENTS = 64;

    /** The embedded H2 database in {@code <dataDir>/db}. */
    public static DatabaseConfig embedded(Path dataDir) {
        return new DatabaseConfig(h2Url(dataDir.resolve("db").resolve("pando")), "pando", "", 10);
    }

    /**
     * The JDBC URL of an H2 file database in PostgreSQL mode, with commits written through at once, a page cache of a
     * hundred-and-twenty-eighth of the heap (at least H2's own 16 MB), and room for {@value #PARSED_STATEMENTS} parsed
     * statements per connection: a feed's queries name lists of every length, each a statement of its own, and H2
     * keeps 8. The cache's pages live on the heap, each kept until pushed out: a larger cache keeps more of them alive
     * through each young collection, and the collector's pauses grow with what it copies.
     */
    public static String h2Url(Path file) {
        long cacheKb = Math.max(16 * 1024, Runtime.getRuntime().maxMemory() / 128 / 1024);
        return "jdbc:h2:file:" + file.toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
                + ";CACHE_SIZE=" + cacheKb + ";QUERY_CACHE_SIZE=" + PARSED_STATEMENTS;
    }

    /** Whether this is the embedded H2 database. */
    public boolean embedded() {
        return url.startsWith("jdbc:h2:");
    }
}
