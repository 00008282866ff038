// What Pando understood of a video: the analysis steps (for its creator while they run), the captions
// track with its on/off button, the Video Slide book, the creator's caption editor and tag suggestions.
import { api } from './api.js';
import { formatTime, t } from './i18n.js';
import { loadStoryboard } from './player.js';
import { showSuggestions } from './tags.js';

const $ = (selector) => document.getElementById(selector);
const POLL_MS = 2000;

/** The player's control bar once it exists (the player may start after the analysis is shown). */
function whenControls(player) {
  const find = () => player.querySelector('.controls');
  if (find()) return Promise.resolve(find());
  return new Promise((resolve) => {
    const watcher = new MutationObserver(() => {
      if (find()) { watcher.disconnect(); resolve(find()); }
    });
    watcher.observe(player, { childList: true, subtree: true });
  });
}

/** Shows a video's analysis; polls while steps are waiting or running. */
export async function mountAnalysis(video, element) {
  let analysis = await api('GET', `/api/v1/videos/${video.id}/analysis`);
  const running = (a) => Object.values(a.steps).some((s) => s.status === 'waiting' || s.status === 'running');
  renderSteps(analysis, video.owned);
  while (running(analysis)) {
    await new Promise((resolve) => { setTimeout(resolve, POLL_MS); });
    analysis = await api('GET', `/api/v1/videos/${video.id}/analysis`);
    renderSteps(analysis, video.owned);
  }
  renderFacts(analysis);
  showSuggestions(analysis.suggested_tags || []);
  if (analysis.has_captions) addCaptions(video, element, await whenControls($('player')), analysis.language || 'en');
  if (analysis.pages.length > 0) {
    const cues = video.storyboard ? await loadStoryboard(video.storyboard).catch(() => []) : [];
    mountBook(analysis.pages, element, cues, video);
  }
  if (video.owned && analysis.has_captions) mountCaptionEditor(video);
}

function renderSteps(analysis, owned) {
  const failed = Object.values(analysis.steps).some((s) => s.status === 'failed');
  const unfinished = Object.values(analysis.steps).some((s) => s.status !== 'done' && s.status !== 'skipped');
  $('analysis').hidden = !(owned && unfinished) && !failed;
  $('analysis-steps').replaceChildren(...Object.entries(analysis.steps).map(([name, step]) => {
    const li = document.createElement('li');
    const label = document.createElement('span');
    label.textContent = t(`analysis.step.${name}`);
    const bar = document.createElement('progress');
    bar.max = 1;
    bar.value = step.status === 'done' ? 1 : step.progress;
    bar.setAttribute('aria-label', label.textContent);
    // a step that does not apply (looking at the picture of an audio clip) has no progress to show
    bar.style.visibility = step.status === 'skipped' ? 'hidden' : '';
    const state = document.createElement('span');
    state.className = 'hint';
    state.textContent = step.status === 'running'
      ? t('analysis.step.running', { percent: Math.floor(step.progress * 100) }) : t(`analysis.step.${step.status}`, { error: '' });
    li.append(label, bar, state);
    if (step.status === 'failed') {
      const why = document.createElement('span');
      why.className = 'failed';
      why.textContent = t('analysis.step.failed', { error: step.error || '' });
      li.append(why);
    }
    return li;
  }));
}

function renderFacts(analysis) {
  const facts = [];
  if (analysis.loudness_lufs !== null && analysis.normalised_lufs !== null) {
    facts.push(t('analysis.loudness', { measured: analysis.loudness_lufs.toFixed(1), normalised: analysis.normalised_lufs.toFixed(1) }));
  }
  if (analysis.language) facts.push(t('analysis.language', { language: analysis.language }));
  if (analysis.written_language) facts.push(t('analysis.written-language', { language: analysis.written_language }));
  $('analysis-facts').textContent = facts.join(' ');
  $('analysis-notes').replaceChildren(...analysis.notes.map((note) => {
    const li = document.createElement('li');
    li.textContent = note;
    return li;
  }));
  if (facts.length > 0 || analysis.notes.length > 0) $('analysis').hidden = false;
}

/** A captions track (hidden until asked for) and a CC button in the player's controls. */
export function addCaptions(video, element, controls, language) {
  const track = document.createElement('track');
  track.kind = 'captions';
  track.label = t('player.captions');
  track.srclang = language;
  track.src = `/api/v1/videos/${video.id}/captions.vtt`;
  element.append(track);
  track.track.mode = 'hidden';
  const cc = document.createElement('button');
  cc.type = 'button';
  cc.className = 'button';
  cc.id = 'captions-toggle';
  cc.textContent = 'CC';
  cc.setAttribute('aria-label', t('player.captions'));
  cc.setAttribute('aria-pressed', 'false');
  cc.addEventListener('click', () => {
    const on = track.track.mode !== 'showing';
    track.track.mode = on ? 'showing' : 'hidden';
    cc.setAttribute('aria-pressed', String(on));
  });
  controls.append(cc);
}

/**
 * Video Slide: one page at a time, flipped with buttons or arrow keys, each playable on its own. A page shows its
 * own picture, else its storyboard tile, else (an audio clip) its stretch of the waveform.
 */
function mountBook(pages, element, storyboard, video) {
  $('video-slide').hidden = false;
  let index = 0;
  let stopAt = null;
  const show = () => {
    const page = pages[index];
    $('book-number').textContent = t('slide.page', { number: index + 1, total: pages.length });
    $('book-time').textContent = `${formatTime(page.start)}–${formatTime(page.end)}`;
    $('book-text').textContent = page.text || t('slide.silent');
    $('book-prev').disabled = index === 0;
    $('book-next').disabled = index === pages.length - 1;
    const tile = storyboard.find((c) => page.frame_at >= c.start && page.frame_at < c.end) || storyboard[storyboard.length - 1];
    const picture = $('book-picture');
    picture.dataset.frameAt = String(page.frame_at);
    if (page.picture) {
      picture.style.backgroundImage = `url("${page.picture}")`;
      picture.style.backgroundSize = 'cover';
      picture.style.backgroundPosition = 'center';
    } else if (tile) {
      const scale = picture.clientWidth / tile.w || 1;
      picture.style.backgroundImage = `url("${tile.url}")`;
      picture.style.backgroundSize = `auto ${Math.round(scale * 100)}%`;
      picture.style.backgroundPosition = `-${tile.x * scale}px -${tile.y * scale}px`;
    } else if (video.waveform && video.duration > 0) {
      showWaveformStretch(picture, video.waveform, page, video.duration);
    }
  };
  const flip = (by) => { index = Math.max(0, Math.min(pages.length - 1, index + by)); show(); };
  $('book-prev').addEventListener('click', () => flip(-1));
  $('book-next').addEventListener('click', () => flip(1));
  $('book').addEventListener('keydown', (event) => {
    if (event.key === 'ArrowLeft') flip(-1);
    if (event.key === 'ArrowRight') flip(1);
  });
  $('book-jump').addEventListener('click', () => {
    stopAt = null;
    element.playbackRate = 1;
    element.currentTime = pages[index].start;
    element.play().catch(() => {});
  });
  $('book-play').addEventListener('click', () => {
    stopAt = pages[index].end;
    element.playbackRate = Number($('book-speed').value);
    element.currentTime = pages[index].start;
    element.play().catch(() => {});
  });
  element.addEventListener('timeupdate', () => {
    if (stopAt !== null && element.currentTime >= stopAt) {
      element.pause();
      element.playbackRate = 1;
      stopAt = null;
    }
  });
  show();
}

/** The part of the waveform picture from the page's start to its end, stretched over the whole box. */
function showWaveformStretch(box, waveform, page, duration) {
  const length = Math.max(0.001, page.end - page.start);
  const rest = duration - length;
  box.classList.add('waveform-stretch');
  box.style.backgroundImage = `url("${waveform}")`;
  box.style.backgroundSize = `${(duration / length) * 100}% 100%`;
  box.style.backgroundPosition = `${rest > 0 ? (page.start / rest) * 100 : 0}% 0`;
}

/** The creator's caption editor: every cue's times and text, saved together. */
async function mountCaptionEditor(video) {
  const { cues } = await api('GET', `/api/v1/videos/${video.id}/captions`);
  $('caption-editor').hidden = false;
  const number = (value, label) => {
    const input = document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    input.min = '0';
    input.value = String(value);
    input.setAttribute('aria-label', label);
    return input;
  };
  $('caption-rows').replaceChildren(...cues.map((cue) => {
    const li = document.createElement('li');
    const text = document.createElement('input');
    text.type = 'text';
    text.maxLength = 300;
    text.value = cue.text;
    text.setAttribute('aria-label', t('captions.edit.text'));
    li.append(number(cue.start, t('captions.edit.start')), number(cue.end, t('captions.edit.end')), text);
    return li;
  }));
  $('caption-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('caption-error').hidden = true;
    $('caption-saved').textContent = '';
    const edited = [...$('caption-rows').children].map((li) => {
      const [start, end, text] = li.querySelectorAll('input');
      return { start: Number(start.value), end: Number(end.value), text: text.value };
    });
    try {
      await api('PUT', `/api/v1/videos/${video.id}/captions`, { cues: edited });
      $('caption-saved').textContent = t('captions.edit.saved');
      const track = document.querySelector('#video track');
      if (track) track.src = `/api/v1/videos/${video.id}/captions.vtt?v=${Date.now()}`;
    } catch (error) {
      $('caption-error').textContent = error.message;
      $('caption-error').hidden = false;
    }
  });
}
