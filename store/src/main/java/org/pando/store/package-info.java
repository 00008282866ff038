/**
 * The only package that speaks SQL: JDBI implementations of every domain repository, the Flyway
 * migrations, and the connection pool.
 *
 * <p>One migration set serves the embedded H2 database (PostgreSQL mode, a file under the data directory)
 * and PostgreSQL, so the same code runs on one machine and at scale. Times are stored as epoch
 * milliseconds; upserts are plain inserts guarded by primary keys; the job queue claims with
 * {@code FOR UPDATE SKIP LOCKED}. Unique-key violations become the domain's own exceptions here.
 */
package org.pando.store;
