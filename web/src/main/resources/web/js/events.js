// What the viewer does, sent in batches to POST /api/v1/events: for the account when signed in, otherwise
// for the visitor id the server gives this browser with its first batch.
import { csrfToken } from './api.js';

const queue = [];
const FLUSH_AFTER_MS = 4000;
const FLUSH_AT = 20;
let timer = null;
/** Trackers of videos being watched now; leaving the page ends them before the last batch goes. */
const watching = new Set();

/**
 * Queues one event; type is impression, play, progress, complete, skip, not_interested, share...
 * extra adds fields such as the propensity a recommended video was shown with.
 */
export function track(type, video, surface, watchedMs = 0, durationMs = 0, extra = {}) {
  if (!video) return;
  queue.push({
    type, video, surface, watched_ms: Math.max(0, Math.round(watchedMs)), duration_ms: Math.max(0, Math.round(durationMs)),
    ts: Date.now(), ...extra,
  });
  if (queue.length >= FLUSH_AT) flush();
  else if (!timer) timer = setTimeout(flush, FLUSH_AFTER_MS);
}

export function flush(keepalive = false) {
  clearTimeout(timer);
  timer = null;
  if (queue.length === 0) return Promise.resolve();
  const events = queue.splice(0, queue.length);
  return fetch('/api/v1/events', {
    method: 'POST',
    keepalive,
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
    body: JSON.stringify({ events }),
  }).catch(() => { /* a lost batch of views is not worth bothering the viewer */ });
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') flush(true);
});
window.addEventListener('pagehide', () => {
  [...watching].forEach((leave) => leave());
  flush(true);
});

/**
 * Follows one video element and reports play, progress (every 5 s watched), complete and skip.
 * Returns a function to call when the viewer leaves the video; leaving the page calls it too.
 */
export function watchTracker(video, videoId, surface, skipThresholdMs) {
  let watchedMs = 0;
  let lastTime = null;
  let reportedAt = 0;
  let played = false;
  let completed = false;
  const duration = () => (Number.isFinite(video.duration) ? video.duration * 1000 : 0);
  const onPlaying = () => {
    if (!played) { played = true; track('play', videoId, surface, 0, duration()); }
    lastTime = video.currentTime;
  };
  const onTime = () => {
    if (lastTime !== null && !video.paused) {
      const step = video.currentTime - lastTime;
      if (step > 0 && step < 1.5) watchedMs += step * 1000;
    }
    lastTime = video.currentTime;
    if (watchedMs - reportedAt >= 5000) {
      reportedAt = watchedMs;
      track('progress', videoId, surface, watchedMs, duration());
    }
    if (!completed && duration() > 0 && video.currentTime * 1000 >= duration() * 0.95) {
      completed = true;
      track('complete', videoId, surface, watchedMs, duration());
    }
  };
  const onEnded = () => {
    if (!completed) { completed = true; track('complete', videoId, surface, watchedMs, duration()); }
  };
  video.addEventListener('playing', onPlaying);
  video.addEventListener('timeupdate', onTime);
  video.addEventListener('ended', onEnded);
  const leave = () => {
    if (!watching.delete(leave)) return;
    video.removeEventListener('playing', onPlaying);
    video.removeEventListener('timeupdate', onTime);
    video.removeEventListener('ended', onEnded);
    if (!completed && watchedMs < skipThresholdMs) track('skip', videoId, surface, watchedMs, duration());
    else if (!completed && watchedMs > reportedAt) track('progress', videoId, surface, watchedMs, duration());
  };
  watching.add(leave);
  return leave;
}
