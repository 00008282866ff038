package org.pando.jobs;

import java.time.Instant;

/**
 * A unit of background work.
 *
 * @param id        stable random identifier
 * @param kind      which {@link JobHandler} runs it, such as {@code transcode}
 * @param subject   what it works on, such as a video id
 * @param attempts  how many times it has been claimed, this claim included
 * @param createdAt when it was enqueued
 */
public record Job(String id, String kind, String subject, int attempts, Instant createdAt) {
}
