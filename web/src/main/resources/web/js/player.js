// HLS playback with hls.js, custom controls with quality switching and storyboard previews on the seek bar.
import { formatTime, t } from './i18n.js';

/**
 * Plays an HLS master playlist in a video element. Starts at the beginning even while the playlist is
 * still growing (an EVENT playlist would otherwise start near its live edge).
 */
/**
 * The element a video plays in: the page's video element (id "video"), or for an audio clip an audio element
 * put in its place under the same id.
 */
export function mediaElementFor(video) {
  const element = document.getElementById('video');
  if (video.kind !== 'audio') return element;
  const audio = document.createElement('audio');
  audio.id = 'video';
  audio.preload = 'auto';
  element.replaceWith(audio);
  return audio;
}

export function attachStream(video, src) {
  if (window.Hls && window.Hls.isSupported()) {
    const hls = new window.Hls({ startPosition: 0, capLevelToPlayerSize: true, maxBufferLength: 20 });
    hls.loadSource(src);
    hls.attachMedia(video);
    return { hls, destroy: () => hls.destroy() };
  }
  video.src = src;
  return { hls: null, destroy: () => { video.removeAttribute('src'); video.load(); } };
}

const ICONS = {
  volume: '<path d="M11 5 6 9H2v6h4l5 4z"/><path d="M15.5 8.5a5 5 0 0 1 0 7"/><path d="M19 5a10 10 0 0 1 0 14"/>',
  muted: '<path d="M11 5 6 9H2v6h4l5 4z"/><path d="m23 9-6 6"/><path d="m17 9 6 6"/>',
  fullscreen: '<path d="M3 9V3h6"/><path d="M21 9V3h-6"/><path d="M3 15v6h6"/><path d="M21 15v6h-6"/>',
  comment: '<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/>',
};

/** A decorative line icon, hidden from assistive technology (the button carries the label). */
export function icon(name) {
  const span = document.createElement('span');
  span.innerHTML = `<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICONS[name]}</svg>`;
  return span.firstElementChild;
}

function button(label, content) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'button';
  b.setAttribute('aria-label', label);
  if (typeof content === 'string') b.textContent = content;
  else b.append(content);
  return b;
}

/** Storyboard cues from a WebVTT file: [{start, end, url, x, y, w, h}]. */
export async function loadStoryboard(vttUrl) {
  const response = await fetch(vttUrl);
  if (!response.ok) return [];
  const text = await response.text();
  const base = new URL(vttUrl, location.href);
  const cues = [];
  const blocks = text.split(/\n\n+/);
  for (const block of blocks) {
    const lines = block.trim().split('\n');
    const timing = lines.find((l) => l.includes('-->'));
    const target = lines[lines.indexOf(timing) + 1];
    if (!timing || !target) continue;
    const [start, end] = timing.split('-->').map((s) => parseTimestamp(s.trim()));
    const [file, fragment] = target.split('#xywh=');
    const [x, y, w, h] = fragment.split(',').map(Number);
    cues.push({ start, end, url: new URL(file, base).href, x, y, w, h });
  }
  return cues;
}

function parseTimestamp(value) {
  const parts = value.split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/** Builds play, seek (with previews), time, quality, mute and full-screen controls under the video. */
export function mountControls(container, video, stream, storyboardCues = []) {
  const bar = document.createElement('div');
  bar.className = 'controls';
  const play = button(t('player.play'), '▶');
  const seekWrap = document.createElement('div');
  seekWrap.className = 'seek';
  const seek = document.createElement('input');
  seek.type = 'range';
  seek.min = '0';
  seek.max = '1000';
  seek.value = '0';
  seek.setAttribute('aria-label', t('player.seek'));
  const preview = document.createElement('div');
  preview.className = 'preview';
  preview.setAttribute('aria-hidden', 'true');
  const previewTime = document.createElement('span');
  preview.append(previewTime);
  seekWrap.append(seek, preview);
  const time = document.createElement('span');
  time.className = 'time';
  time.textContent = '0:00 / 0:00';
  const quality = document.createElement('select');
  quality.setAttribute('aria-label', t('player.quality'));
  quality.name = 'quality';
  quality.append(new Option(t('player.quality.auto'), '-1'));
  const mute = button(t('video.sound.off'), icon('volume'));
  const full = button(t('player.fullscreen'), icon('fullscreen'));
  bar.append(play, seekWrap, time, quality, mute, full);
  container.append(bar);

  let dragging = false;
  play.addEventListener('click', () => (video.paused ? video.play() : video.pause()));
  video.addEventListener('play', () => { play.textContent = '❚❚'; play.setAttribute('aria-label', t('player.pause')); });
  video.addEventListener('pause', () => { play.textContent = '▶'; play.setAttribute('aria-label', t('player.play')); });
  video.addEventListener('timeupdate', () => {
    if (!dragging && video.duration) seek.value = String(Math.round((video.currentTime / video.duration) * 1000));
    time.textContent = `${formatTime(video.currentTime)} / ${formatTime(video.duration)}`;
  });
  seek.addEventListener('input', () => {
    dragging = true;
    showPreview(Number(seek.value) / 1000);
  });
  seek.addEventListener('change', () => {
    dragging = false;
    if (video.duration) video.currentTime = (Number(seek.value) / 1000) * video.duration;
    preview.style.display = 'none';
  });
  seek.addEventListener('mousemove', (event) => {
    const rect = seek.getBoundingClientRect();
    showPreview(Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width)));
  });
  seek.addEventListener('mouseleave', () => { if (!dragging) preview.style.display = 'none'; });

  function showPreview(fraction) {
    if (!video.duration) return;
    const at = fraction * video.duration;
    previewTime.textContent = formatTime(at);
    const cue = storyboardCues.find((c) => at >= c.start && at < c.end) || storyboardCues[storyboardCues.length - 1];
    if (!cue) return;
    preview.style.width = `${cue.w}px`;
    preview.style.height = `${cue.h}px`;
    preview.style.backgroundImage = `url("${cue.url}")`;
    preview.style.backgroundPosition = `-${cue.x}px -${cue.y}px`;
    preview.style.left = `${fraction * 100}%`;
    preview.style.display = 'block';
    preview.dataset.cueStart = String(cue.start);
  }

  mute.addEventListener('click', () => {
    video.muted = !video.muted;
    mute.replaceChildren(icon(video.muted ? 'muted' : 'volume'));
    mute.setAttribute('aria-label', t(video.muted ? 'video.sound.on' : 'video.sound.off'));
  });
  full.addEventListener('click', () => {
    const target = container.closest('.player') || container;
    if (document.fullscreenElement) document.exitFullscreen();
    else target.requestFullscreen?.();
  });

  const hls = stream.hls;
  if (hls) {
    const levelName = (level) => `${Math.min(level.width, level.height)}p`;
    const listLevels = () => {
      if (quality.options.length > 1) return;
      hls.levels.forEach((level, index) => {
        if (level.height > 0) quality.append(new Option(levelName(level), String(index)));
      });
    };
    // The manifest may have been parsed before the controls were built.
    listLevels();
    hls.on(window.Hls.Events.MANIFEST_PARSED, listLevels);
    hls.on(window.Hls.Events.LEVEL_SWITCHED, (_, data) => {
      const level = hls.levels[data.level];
      if (level) quality.dataset.playing = levelName(level);
      quality.options[0].textContent = `${t('player.quality.auto')}${hls.autoLevelEnabled && level ? ` (${levelName(level)})` : ''}`;
    });
    quality.addEventListener('change', () => { hls.currentLevel = Number(quality.value); });
  } else {
    quality.hidden = true;
  }
  return bar;
}
