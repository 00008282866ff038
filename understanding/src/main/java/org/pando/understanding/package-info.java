/**
 * Media understanding: what a video or audio clip says and shows, found by models that run on the CPU and
 * come with the build (nothing is downloaded at run time).
 *
 * <p>{@link org.pando.understanding.SpeechRecognizer} turns speech into timed words (Vosk),
 * {@link org.pando.understanding.Captions} turns words into cues and WebVTT,
 * {@link org.pando.understanding.VideoSlide} cuts a video into pages at scene cuts and pauses, and
 * {@link org.pando.understanding.LanguageGuesser} names a text's language (Lingua).
 * {@link org.pando.understanding.FileAnalyzer} runs them all on one file, with the loudness measured by
 * {@link org.pando.media.MediaInspector}; it is what {@code pando analyze} uses.
 */
package org.pando.understanding;
