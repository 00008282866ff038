/**
 * Media understanding: what a video or audio clip says and shows, found by models that run on the CPU and
 * come with the build (nothing is downloaded at run time).
 *
 * <p>{@link org.pando.understanding.SpeechRecognizer} turns speech into timed words (Vosk),
 * {@link org.pando.understanding.VoiceActivity} finds where someone speaks (Silero VAD),
 * {@link org.pando.understanding.Captions} turns words into cues and WebVTT,
 * {@link org.pando.understanding.VideoSlide} cuts a video into pages at scene cuts and pauses, and the visual step
 * looks at frames sampled once a second with three ONNX models (nsfwjs's classifier and MediaPipe's selfie
 * segmentation from {@code modelconv}'s jar, BlazeFace from its npm package) for
 * {@link org.pando.understanding.VisualFindings}: an NSFW score, faces, the share of the picture showing
 * people, and an image embedding. {@link org.pando.understanding.FileAnalyzer} runs them all on one file, with
 * the loudness and frames from {@link org.pando.media.MediaInspector}; it is what {@code pando analyze} uses.
 * Every bundled model is checked against its SHA-256 before it is loaded.
 */
package org.pando.understanding;
