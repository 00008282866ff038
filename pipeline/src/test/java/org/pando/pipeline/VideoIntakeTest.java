package org.pando.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pando.domain.DomainException;
import org.pando.jobs.JobQueue;
import org.pando.jobs.JobRepository;
import org.pando.upload.UploadMetadata;

class VideoIntakeTest {

    @Test
    void aNewUploadIsRefusedWhileTooManyWaitToBeTranscoded() {
        VideoIntake intake = new VideoIntake(null, null, new JobQueue(waiting(3), Clock.systemUTC()), null, () -> { }, 3);

        assertThatThrownBy(() -> intake.check("account", new UploadMetadata("clip.mp4", "A clip", Optional.empty(), "")))
                .isInstanceOfSatisfying(ProcessingBehind.class, e -> {
                    assertThat(e.reason()).as("why").isEqualTo(DomainException.Reason.OVERLOADED);
                    assertThat(e.retryAfter()).as("when to try again").contains(Duration.ofMinutes(1));
                    assertThat(e.getMessage()).as("what the uploader is told").contains("3 uploads are waiting");
                });
    }

    /** A queue holding {@code count} transcode jobs; nothing else may be asked of it. */
    private static JobRepository waiting(long count) {
        return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(), new Class<?>[] {JobRepository.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("waiting") && TranscodeJob.KIND.equals(args[0])) {
                        return count;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
