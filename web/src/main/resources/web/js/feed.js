// The vertical feed: one full-screen video at a time, swipe or arrow keys to move, the next one preloaded.
import { api, ApiError, goSignIn } from './api.js';
import { setUpPage } from './chrome.js';
import { flush, track, watchTracker } from './events.js';
import { t } from './i18n.js';
import { audioBadge } from './badges.js';
import { attachStream, icon } from './player.js';

const feed = document.getElementById('main');
const tabs = [...document.querySelectorAll('[role="tab"]')];
let signedIn = false;
let surface = 'for-you';
let cursor = null;
let loading = false;
/** Bumped on every tab switch, so a page that arrives for the previous tab is dropped. */
let generation = 0;
let exhausted = false;
let skipThresholdMs = 3000;
let active = null;
const slides = [];

function actionButton(key, symbol) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'button';
  const icon = document.createElement('span');
  icon.textContent = symbol;
  icon.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.textContent = t(key);
  b.append(icon, label);
  b.label = label;
  return b;
}

function buildSlide(item) {
  const section = document.createElement('section');
  section.className = 'slide';
  section.dataset.video = item.id;
  section.setAttribute('aria-label', item.title);
  const video = document.createElement('video');
  video.playsInline = true;
  video.muted = true;
  video.preload = 'auto';
  if (item.poster) video.poster = item.poster;
  const tap = document.createElement('button');
  tap.type = 'button';
  tap.className = 'tap';
  tap.setAttribute('aria-label', t('player.play'));
  tap.addEventListener('click', () => {
    if (video.muted) { video.muted = false; video.play(); } else if (video.paused) video.play(); else video.pause();
  });
  const overlay = document.createElement('div');
  overlay.className = 'overlay';
  const title = document.createElement('h2');
  const titleLink = document.createElement('a');
  titleLink.href = `${item.url}?from=${surface}`;
  titleLink.textContent = item.title;
  title.append(titleLink);
  if (item.kind === 'audio') {
    // sound alone: the waveform stands in for the picture
    section.classList.add('audio');
    title.prepend(audioBadge(), ' ');
  }
  const channel = document.createElement('a');
  channel.href = item.channel.url;
  channel.textContent = `@${item.channel.handle}`;
  overlay.append(title, channel);

  const actions = document.createElement('div');
  actions.className = 'actions';
  const like = actionButton('video.like', '♥');
  like.classList.add('like');
  like.setAttribute('aria-pressed', String(Boolean(item.liked)));
  like.label.textContent = String(item.likes);
  like.setAttribute('aria-label', t('video.like'));
  like.addEventListener('click', async () => {
    if (!signedIn) { goSignIn(); return; }
    const liked = like.getAttribute('aria-pressed') === 'true';
    const result = await api(liked ? 'DELETE' : 'POST', `/api/v1/videos/${item.id}/like?surface=${surface}`);
    like.setAttribute('aria-pressed', String(result.liked));
    like.label.textContent = String(result.likes);
  });
  const follow = actionButton(item.following ? 'video.following' : 'video.follow', '+');
  follow.setAttribute('aria-pressed', String(Boolean(item.following)));
  follow.addEventListener('click', async () => {
    if (!signedIn) { goSignIn(); return; }
    const following = follow.getAttribute('aria-pressed') === 'true';
    try {
      const result = await api(following ? 'DELETE' : 'POST',
        `/api/v1/channels/${item.channel.handle}/follow?video=${item.id}&surface=${surface}`);
      follow.setAttribute('aria-pressed', String(result.following));
      follow.label.textContent = t(result.following ? 'video.following' : 'video.follow');
    } catch (error) {
      follow.title = error.message;
    }
  });
  const comments = document.createElement('a');
  comments.className = 'button';
  comments.href = `${item.url}?from=${surface}#comments`;
  comments.append(icon('comment'));
  const count = document.createElement('span');
  count.textContent = String(item.comments);
  comments.append(count);
  comments.setAttribute('aria-label', t('video.comments'));
  const share = actionButton('video.share', '↗');
  share.addEventListener('click', async () => {
    const url = new URL(item.url, location.href).href;
    try { await navigator.clipboard.writeText(url); } catch { /* clipboard may be denied; the link is still shared */ }
    share.label.textContent = t('video.shared');
    track('share', item.id, surface);
  });
  const why = actionButton('why.button', '?');
  why.classList.add('why-button');
  const panel = whyPanel(item);
  why.setAttribute('aria-expanded', 'false');
  why.setAttribute('aria-controls', panel.id);
  why.addEventListener('click', () => {
    const open = panel.hidden;
    panel.hidden = !open;
    why.setAttribute('aria-expanded', String(open));
  });
  const notInterested = actionButton('video.not-interested', '×');
  notInterested.classList.add('not-interested');
  notInterested.addEventListener('click', () => {
    if (!signedIn) { goSignIn(); return; }
    track('not_interested', item.id, surface, 0, item.duration_ms);
    flush();
    notInterested.disabled = true;
    notInterested.label.textContent = t('video.not-interested.done');
    move(1);
  });
  actions.append(like, follow, comments, share, why, notInterested);
  section.append(video, tap, overlay, actions, panel);
  return { item, section, video, stream: null, leave: null };
}

/** "Why this video": each reason's part of the score, as a labelled bar, and the exploration notice. */
function whyPanel(item) {
  const panel = document.createElement('aside');
  panel.className = 'why';
  panel.id = `why-${item.id}`;
  panel.hidden = true;
  const heading = document.createElement('h3');
  heading.textContent = t('why.title');
  panel.append(heading);
  if (item.exploration) {
    const note = document.createElement('p');
    note.className = 'exploration';
    note.textContent = t('why.exploration');
    panel.append(note);
  }
  const reasons = item.why || [];
  if (reasons.length === 0) {
    const none = document.createElement('p');
    none.textContent = t(surface === 'following' ? 'why.following' : 'why.none');
    panel.append(none);
  }
  const list = document.createElement('ul');
  const largest = Math.max(...reasons.map((r) => r.value), 1e-9);
  for (const reason of reasons) {
    const li = document.createElement('li');
    li.dataset.signal = reason.signal;
    li.dataset.value = String(reason.value);
    const label = document.createElement('span');
    label.textContent = t(`why.${reason.signal}`);
    if (reason.because) {
      const link = document.createElement('a');
      link.href = reason.because.url;
      link.textContent = reason.because.title;
      label.append(' ', t('why.because'), ' ', link);
    }
    const meter = document.createElement('meter');
    meter.min = 0;
    meter.max = largest;
    meter.value = reason.value;
    meter.textContent = reason.value.toFixed(2);
    const value = document.createElement('span');
    value.className = 'value';
    value.textContent = reason.value.toFixed(2);
    li.append(label, meter, value);
    list.append(li);
  }
  panel.append(list);
  if (reasons.length > 0) {
    const total = document.createElement('p');
    total.className = 'total';
    total.dataset.score = String(item.score);
    total.textContent = `${t('why.score')} ${item.score.toFixed(2)}`;
    panel.append(total);
  }
  const settings = document.createElement('a');
  settings.href = '/settings#feed';
  settings.textContent = t('why.tune');
  panel.append(settings);
  return panel;
}

function attach(slide) {
  if (!slide.stream && slide.item.hls) slide.stream = attachStream(slide.video, slide.item.hls);
}

function detach(slide) {
  if (slide.stream) { slide.stream.destroy(); slide.stream = null; }
}

function activate(slide) {
  if (active === slide) return;
  if (active) {
    active.video.pause();
    if (active.leave) { active.leave(); active.leave = null; }
  }
  active = slide;
  const index = slides.indexOf(slide);
  slides.forEach((s, i) => { if (Math.abs(i - index) > 1) detach(s); });
  attach(slide);
  if (slides[index + 1]) attach(slides[index + 1]);
  track('impression', slide.item.id, surface, 0, slide.item.duration_ms,
    slide.item.propensity ? { propensity: slide.item.propensity } : {});
  slide.leave = watchTracker(slide.video, slide.item.id, surface, skipThresholdMs);
  slide.video.currentTime = 0;
  slide.video.play().catch(() => { /* autoplay may wait for a tap */ });
  if (index >= slides.length - 2) loadMore();
}

const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (entry.isIntersecting && entry.intersectionRatio >= 0.6) {
      const slide = slides.find((s) => s.section === entry.target);
      if (slide) activate(slide);
    }
  }
}, { root: feed, threshold: [0.6] });

function showEmpty(key) {
  const p = document.createElement('p');
  p.className = 'empty';
  p.textContent = t(key);
  if (key === 'feed.empty.sign-in') {
    const a = document.createElement('a');
    a.href = '/signin';
    a.className = 'button primary';
    a.textContent = t('nav.signin');
    p.append(document.createElement('br'), a);
  }
  feed.replaceChildren(p);
}

async function loadMore() {
  if (loading || exhausted) return;
  loading = true;
  const requested = generation;
  try {
    const params = new URLSearchParams({ surface, limit: '8' });
    if (cursor) params.set('cursor', cursor);
    const page = await api('GET', `/api/v1/feed?${params}`);
    if (requested !== generation) return;
    skipThresholdMs = page.skip_threshold_ms;
    if (slides.length === 0 && page.items.length === 0) {
      showEmpty(`feed.empty.${page.empty_reason || 'no-videos'}`);
      exhausted = true;
      return;
    }
    if (slides.length === 0) feed.replaceChildren();
    for (const item of page.items) {
      const slide = buildSlide(item);
      slides.push(slide);
      feed.append(slide.section);
      observer.observe(slide.section);
    }
    cursor = page.next_cursor;
    exhausted = !cursor;
  } catch (error) {
    if (requested !== generation) return;
    if (slides.length === 0) showEmpty('common.error');
    feed.querySelector('.empty')?.append(` ${error instanceof ApiError ? error.message : ''}`);
  } finally {
    if (requested === generation) loading = false;
  }
}

function move(step) {
  const index = active ? slides.indexOf(active) : -1;
  const target = slides[Math.max(0, Math.min(slides.length - 1, index + step))];
  if (target) target.section.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function selectTab(tab) {
  tabs.forEach((other) => {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
  });
  feed.setAttribute('aria-labelledby', tab.id);
  surface = tab.dataset.surface;
  generation += 1;
  loading = false;
  if (active && active.leave) active.leave();
  slides.forEach(detach);
  slides.length = 0;
  active = null;
  cursor = null;
  exhausted = false;
  history.replaceState(null, '', surface === 'for-you' ? '/' : `/?feed=${surface}`);
  feed.replaceChildren();
  loadMore();
}

tabs.forEach((tab, i) => {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const next = tabs[(i + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
      next.focus();
      selectTab(next);
    }
  });
});

document.addEventListener('keydown', (event) => {
  if (event.target.closest('input, textarea, select, [role="tab"]')) return;
  if (event.key === 'ArrowDown' || event.key === 'PageDown' || event.key === 'j') { event.preventDefault(); move(1); }
  if (event.key === 'ArrowUp' || event.key === 'PageUp' || event.key === 'k') { event.preventDefault(); move(-1); }
  if (event.key === 'm' && active) active.video.muted = !active.video.muted;
});

const account = await setUpPage();
signedIn = Boolean(account);
const requested = new URLSearchParams(location.search).get('feed');
const initial = tabs.find((tab) => tab.dataset.surface === requested) || tabs[0];
selectTab(initial);
