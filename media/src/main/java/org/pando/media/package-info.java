/**
 * Media processing with ffmpeg: probe and validate an upload, plan the HLS ladder, and write the whole
 * ladder, an audio-only rendition normalised to a target loudness (EBU R128, two passes), a poster and a
 * storyboard sprite in one ffmpeg process that decodes the source once. A source with sound but no picture
 * ({@link org.pando.media.ProbeResult#audioOnly()}) becomes an audio clip instead: its AAC renditions, normalised
 * the same way, in one ffmpeg process ({@link org.pando.media.AudioLadderCommand}), and a waveform picture as its
 * poster.
 *
 * <p>{@link org.pando.media.VideoProcessor} is the entry point; it reports probing, progress (from
 * ffmpeg's {@code -progress}), the moment the growing EVENT playlist becomes playable, and completion to a
 * {@link org.pando.media.ProcessingListener}. Input that can become neither fails with
 * {@link org.pando.media.MediaRejected}, whose message is for the uploader. Every process started here is
 * tracked and killed on {@link org.pando.media.VideoProcessor#close()}; if this JVM dies, ffmpeg dies on its
 * next progress write to the closed pipe.
 *
 * <p>{@link org.pando.media.MediaInspector} measures for media understanding: loudness before and after
 * normalisation, scene cuts, the audio as 16 kHz mono PCM for speech recognition, and the picture sampled
 * once a second as {@link org.pando.media.RgbFrame}s for image models (a still image or a clip shorter than a
 * second gives its first frame). {@link org.pando.media.PictureFitter} fits an uploaded picture to a fixed shape
 * (a channel's avatar or banner) as a JPEG.
 */
package org.pando.media;
