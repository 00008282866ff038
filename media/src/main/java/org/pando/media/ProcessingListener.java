package org.pando.media;

/**
 * Hears how processing of one source goes. Called on the processing thread; keep it quick.
 */
public interface ProcessingListener {
    /** The source was probed and accepted. */
    void probed(ProbeResult probe);

    /** A fraction, 0 to 1, of the ladder is written. Called about twice a second. */
    void progress(double fraction);

    /** The master playlist and a first segment of every rendition exist: playback can start. */
    void playable();
}
