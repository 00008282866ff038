package org.pando.media;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps everything a processing run reports, for tests to look at afterwards. */
final class RecordingListener implements ProcessingListener {
    final AtomicReference<ProbeResult> probe = new AtomicReference<>();
    final List<Double> fractions = new CopyOnWriteArrayList<>();
    final AtomicReference<Double> playableAtProgress = new AtomicReference<>();
    final AtomicBoolean playable = new AtomicBoolean();

    @Override
    public void probed(ProbeResult result) {
        probe.set(result);
    }

    @Override
    public void progress(double fraction) {
        fractions.add(fraction);
    }

    @Override
    public void playable() {
        if (playable.compareAndSet(false, true)) {
            playableAtProgress.set(fractions.isEmpty() ? 0.0 : fractions.getLast());
        }
    }
}
