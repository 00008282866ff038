package org.pando.jobs;

/** What a running job may ask of the worker that runs it. */
public interface JobContext {
    /** Whether this is the job's last permitted attempt. */
    boolean lastAttempt();
}
