package org.pando.moderation;

/**
 * The answer to a report.
 *
 * @param report the report, as filed now or before
 * @param isNew  false when the reporter had already reported the target and it is still open (nothing was added)
 */
public record FiledReport(Report report, boolean isNew) {
}
