// The audio clip player: the waveform is the seek bar, with what has been played drawn over it in full colour;
// play/pause, the time and mute under it; and, when captions are on, the line being said.
import { formatTime, t } from './i18n.js';
import { icon } from './player.js';

/** Seconds an arrow key moves the playhead. */
const ARROW_STEP = 5;
/** Share of the clip Page Up and Page Down move the playhead. */
const PAGE_STEP = 0.1;

function picture(className) {
  const img = document.createElement('img');
  img.className = className;
  img.alt = '';
  img.draggable = false;
  img.hidden = true;
  return img;
}

/**
 * Builds the player for an audio element (which hls.js already plays) inside container. durationHint is the
 * clip's length from the catalogue, used while the stream itself does not say yet. Returns showWaveform(url),
 * for when the picture is made after playback began.
 */
export function mountAudioPlayer(container, audio, { waveform = null, durationHint = 0 } = {}) {
  container.classList.add('audio-player');
  const wave = document.createElement('div');
  wave.className = 'waveform';
  wave.tabIndex = 0;
  wave.setAttribute('role', 'slider');
  wave.setAttribute('aria-label', t('player.seek'));
  wave.setAttribute('aria-valuemin', '0');
  const base = picture('wave-base');
  const played = document.createElement('div');
  played.className = 'wave-played';
  const playedPicture = picture('wave-full');
  played.append(playedPicture);
  const head = document.createElement('div');
  head.className = 'playhead';
  head.setAttribute('aria-hidden', 'true');
  wave.append(base, played, head);

  const bar = document.createElement('div');
  bar.className = 'controls';
  const play = document.createElement('button');
  play.type = 'button';
  play.className = 'button';
  play.id = 'audio-play';
  const time = document.createElement('span');
  time.className = 'time';
  const mute = document.createElement('button');
  mute.type = 'button';
  mute.className = 'button';
  bar.append(play, time, mute);

  const line = document.createElement('p');
  line.className = 'caption-line';
  line.setAttribute('aria-live', 'polite');
  line.hidden = true;
  container.append(wave, bar, line);

  const total = () => (Number.isFinite(audio.duration) && audio.duration > 0 ? audio.duration : durationHint);
  const render = () => {
    const length = total();
    const now = Math.min(audio.currentTime, length || audio.currentTime);
    const share = length > 0 ? now / length : 0;
    played.style.clipPath = `inset(0 ${(100 - share * 100).toFixed(3)}% 0 0)`;
    head.style.left = `${(share * 100).toFixed(3)}%`;
    wave.setAttribute('aria-valuemax', String(Math.round(length)));
    wave.setAttribute('aria-valuenow', String(Math.round(now)));
    wave.setAttribute('aria-valuetext', t('player.position', { current: formatTime(now), total: formatTime(length) }));
    time.textContent = `${formatTime(now)} / ${formatTime(length)}`;
  };
  const renderPlay = () => {
    play.textContent = audio.paused ? '▶' : '❚❚';
    play.setAttribute('aria-label', t(audio.paused ? 'player.play' : 'player.pause'));
  };
  const renderMute = () => {
    mute.replaceChildren(icon(audio.muted ? 'muted' : 'volume'));
    mute.setAttribute('aria-label', t(audio.muted ? 'video.sound.on' : 'video.sound.off'));
  };
  const seekTo = (seconds) => {
    const length = total();
    if (!length) return;
    audio.currentTime = Math.max(0, Math.min(length, seconds));
    render();
  };
  const seekToPointer = (event) => {
    const rect = wave.getBoundingClientRect();
    seekTo(((event.clientX - rect.left) / rect.width) * total());
  };

  play.addEventListener('click', () => (audio.paused ? audio.play() : audio.pause()));
  mute.addEventListener('click', () => { audio.muted = !audio.muted; });
  ['play', 'pause', 'ended'].forEach((type) => audio.addEventListener(type, renderPlay));
  ['timeupdate', 'durationchange', 'loadedmetadata', 'seeking'].forEach((type) => audio.addEventListener(type, render));
  audio.addEventListener('volumechange', renderMute);
  wave.addEventListener('pointerdown', (event) => {
    wave.setPointerCapture(event.pointerId);
    seekToPointer(event);
  });
  wave.addEventListener('pointermove', (event) => {
    if (wave.hasPointerCapture(event.pointerId)) seekToPointer(event);
  });
  // Keys of a slider: arrows step, Page Up and Page Down leap, Home and End go to either end.
  const keyTargets = {
    ArrowLeft: () => audio.currentTime - ARROW_STEP,
    ArrowDown: () => audio.currentTime - ARROW_STEP,
    ArrowRight: () => audio.currentTime + ARROW_STEP,
    ArrowUp: () => audio.currentTime + ARROW_STEP,
    PageDown: () => audio.currentTime - PAGE_STEP * total(),
    PageUp: () => audio.currentTime + PAGE_STEP * total(),
    Home: () => 0,
    End: () => total(),
  };
  wave.addEventListener('keydown', (event) => {
    const target = keyTargets[event.key];
    if (!target) return;
    event.preventDefault();
    seekTo(target());
  });

  // The browser draws no captions for sound alone: the line shows the cues of the track that is on.
  const renderCaptions = () => {
    const track = [...audio.textTracks].find((tr) => tr.mode === 'showing');
    line.hidden = !track;
    line.textContent = track && track.activeCues ? [...track.activeCues].map((cue) => cue.text).join(' ') : '';
  };
  audio.textTracks.addEventListener('change', renderCaptions);
  audio.textTracks.addEventListener('addtrack', (event) => event.track.addEventListener('cuechange', renderCaptions));

  const showWaveform = (url) => {
    if (!url) return;
    base.src = url;
    playedPicture.src = url;
    base.hidden = false;
    playedPicture.hidden = false;
    wave.classList.add('drawn');
  };
  showWaveform(waveform);
  render();
  renderPlay();
  renderMute();
  return { showWaveform };
}
