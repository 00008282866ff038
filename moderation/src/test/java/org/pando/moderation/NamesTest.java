package org.pando.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The wire names the API and the database use. */
class NamesTest {
    @Test
    void reasonsAreDashedLowerCaseAndReadBack() {
        assertThat(ReportReason.wireNames()).as("the fixed list of reasons")
                .containsExactly("sexual-content", "violence", "harassment", "spam", "other");
        for (ReportReason reason : ReportReason.values()) {
            assertThat(ReportReason.ofWireName(reason.wireName())).as("read back %s", reason).contains(reason);
        }
        assertThat(ReportReason.ofWireName("SPAM")).as("an upper-case name is not a wire name").isEmpty();
    }

    @Test
    void verdictsAndHoldCausesReadBack() {
        assertThat(Verdict.ofWireName("approve")).contains(Verdict.APPROVE);
        assertThat(Verdict.ofWireName("reject")).contains(Verdict.REJECT);
        assertThat(Verdict.ofWireName("maybe")).as("no such verdict").isEmpty();
        for (HoldCause cause : HoldCause.values()) {
            assertThat(HoldCause.ofWireName(cause.wireName())).as("read back %s", cause).isEqualTo(cause);
        }
        assertThat(HoldCause.NSFW_SCORE.wireName()).isEqualTo("nsfw-score");
    }
}
