// The player alone, for an <iframe> on another site: a video with its controls, or an audio clip over its
// waveform, with captions behind CC when there are some, and the title linking to the watch page.
import { api } from './api.js';
import { addCaptions } from './analysis.js';
import { mountAudioPlayer } from './audio-player.js';
import { loadMessages, t } from './i18n.js';
import { attachStream, loadStoryboard, mediaElementFor, mountControls } from './player.js';

const id = location.pathname.split('/').filter(Boolean).pop();
const $ = (selector) => document.getElementById(selector);

async function mount(video) {
  document.title = `${video.title} · Pando`;
  $('title').textContent = video.title;
  $('title').href = new URL(video.url, location.origin).href;
  const element = mediaElementFor(video);
  const stream = attachStream(element, video.hls);
  if (video.kind === 'audio') {
    mountAudioPlayer($('player'), element, { waveform: video.waveform, durationHint: video.duration });
  } else {
    if (video.poster) element.poster = video.poster;
    const cues = video.storyboard ? await loadStoryboard(video.storyboard).catch(() => []) : [];
    mountControls($('player'), element, stream, cues);
  }
  const analysis = await api('GET', `/api/v1/videos/${video.id}/analysis`).catch(() => null);
  if (analysis?.has_captions) {
    addCaptions(video, element, $('player').querySelector('.controls'), analysis.language || 'en');
  }
}

await loadMessages();
try {
  const video = await api('GET', `/api/v1/videos/${id}`);
  if (!video.hls) throw new Error(t('embed.unavailable'));
  await mount(video);
} catch (error) {
  $('player').hidden = true;
  $('error').textContent = error.status === 404 ? t('embed.unavailable') : error.message;
  $('error').hidden = false;
}
