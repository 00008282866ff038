// The watch page: the player (a video with quality switching and seek previews, or an audio clip over its
// waveform), like, follow, share, the code to embed it elsewhere, comments, reports, and for the creator (and
// moderators) where the video stands in review.
import { api, csrfToken, goSignIn } from './api.js';
import { setUpPage, showError } from './chrome.js';
import { track, watchTracker } from './events.js';
import { audioBadge } from './badges.js';
import { t } from './i18n.js';
import { mountAnalysis } from './analysis.js';
import { mountAudioPlayer } from './audio-player.js';
import { mountTags } from './tags.js';
import { holdReason } from './review.js';
import { attachStream, loadStoryboard, mediaElementFor, mountControls } from './player.js';
import { setUpTips } from './tips.js';

const id = location.pathname.split('/').filter(Boolean).pop();
const params = new URLSearchParams(location.search);
const from = params.get('from');
const startAt = Number(params.get('t'));
const surface = ['for-you', 'following', 'local', 'related', 'search', 'channel'].includes(from) ? from : 'external';
const $ = (selector) => document.getElementById(selector);
let account = null;
let video = null;
let commentsCursor = null;

function renderVideo() {
  document.title = `${video.title} · Pando`;
  $('title').textContent = video.title;
  $('description').textContent = video.description;
  mountTags(video);
  $('channel').textContent = `@${video.channel.handle}`;
  $('channel').href = video.channel.url;
  $('like-count').textContent = String(video.likes);
  $('like').setAttribute('aria-pressed', String(Boolean(video.liked)));
  $('follow').setAttribute('aria-pressed', String(Boolean(video.following)));
  $('follow').textContent = t(video.following ? 'video.following' : 'video.follow');
  $('follow').hidden = Boolean(video.owned);
  $('embed').hidden = video.status !== 'ready';
  $('report').hidden = Boolean(video.owned);
  renderReview();
}

/** Tells the creator (and moderators) why the video is not public yet, or what a moderator decided and wrote. */
function renderReview() {
  const review = video.review;
  const publication = video.publication;
  let text = '';
  if (publication === 'checking' && video.owned && video.status === 'ready') text = t('review.checking');
  if (publication === 'held') {
    text = holdReason(review?.hold);
  }
  if (publication === 'rejected') text = t('review.rejected');
  if (publication === 'approved' && review?.decision) text = t('review.approved');
  const note = review?.decision?.note;
  $('review-text').textContent = text;
  $('review-note').textContent = note ? t('review.note', { note }) : '';
  $('review-note').hidden = !note || !text;
  $('review').hidden = !text;
  $('review').classList.toggle('held', publication === 'held' || publication === 'rejected');
}

/** While the pictures are being checked, the creator's page follows the outcome. */
function followReview() {
  if (video.publication !== 'checking' || !video.owned) return;
  setTimeout(async () => {
    const now = await api('GET', `/api/v1/videos/${id}`).catch(() => null);
    if (now) {
      video.publication = now.publication;
      video.review = now.review;
      video.status = now.status;
      renderReview();
    }
    followReview();
  }, 3000);
}

let playerReady = null;
let audioPlayer = null;

/** Starts the player once; the promise settles when its controls are built. */
function startPlayer() {
  if (playerReady || !video.hls) return playerReady;
  playerReady = (async () => {
    const element = mediaElementFor(video);
    const stream = attachStream(element, video.hls);
    if (video.kind === 'audio') {
      audioPlayer = mountAudioPlayer($('player'), element, { waveform: video.waveform, durationHint: video.duration });
    } else {
      const cues = video.storyboard ? await loadStoryboard(video.storyboard).catch(() => []) : [];
      mountControls($('player'), element, stream, cues);
      if (video.poster) element.poster = video.poster;
    }
    // ?t=12 opens the video at that moment (the review queue and search link to a moment)
    if (startAt > 0) element.addEventListener('loadedmetadata', () => { element.currentTime = startAt; }, { once: true });
    track('impression', video.id, surface, 0, video.duration_ms);
    watchTracker(element, video.id, surface, video.skip_threshold_ms);
    element.play().catch(() => { /* the viewer presses play */ });
  })();
  return playerReady;
}

function followProcessing() {
  $('processing').hidden = false;
  const source = new EventSource(`/api/v1/videos/${id}/progress`);
  source.addEventListener('progress', (event) => {
    const state = JSON.parse(event.data);
    $('processing-bar').value = state.progress;
    $('processing-label').textContent = t('video.processing', { percent: Math.floor(state.progress * 100) });
    if (state.playable && !video.hls) {
      video.hls = state.hls;
      video.kind = state.kind;
      startPlayer();
    }
    if (state.status === 'failed') {
      showError($('error'), t('video.failed', { error: state.error }));
      $('processing').hidden = true;
      source.close();
    }
    if (state.status === 'ready') {
      $('processing').hidden = true;
      source.close();
      video.status = 'ready';
      video.publication = state.publication;
      // the poster, waveform and storyboard exist only now
      api('GET', `/api/v1/videos/${id}`).then((ready) => {
        Object.assign(video, ready);
        audioPlayer?.showWaveform(video.waveform);
        renderVideo();
      }).catch(() => renderReview()).finally(() => {
        followReview();
        understand();
      });
    }
  });
  source.onerror = () => source.close();
}

function renderComment(comment) {
  const li = document.createElement('li');
  li.className = 'comment';
  const meta = document.createElement('div');
  meta.className = 'row-head';
  const who = document.createElement('span');
  who.className = 'meta';
  who.textContent = `@${comment.author} · ${new Date(comment.created_at).toLocaleString()}`;
  meta.append(who);
  if (comment.can_delete) {
    const del = document.createElement('button');
    del.type = 'button';
    del.className = 'button';
    del.textContent = t('video.comment.delete');
    del.addEventListener('click', async () => {
      await api('DELETE', `/api/v1/comments/${comment.id}`);
      li.remove();
    });
    meta.append(del);
  }
  if (account && comment.author !== account.username) {
    const report = document.createElement('button');
    report.type = 'button';
    report.className = 'button';
    report.textContent = t('report.button');
    report.setAttribute('aria-label', t('report.comment', { author: comment.author }));
    report.addEventListener('click', () => openReport({ kind: 'comment', id: comment.id }, report));
    meta.append(report);
  }
  const body = document.createElement('p');
  body.textContent = comment.body;
  body.style.margin = '0';
  li.append(meta, body);
  return li;
}

async function loadComments() {
  const params = new URLSearchParams({ limit: '20' });
  if (commentsCursor) params.set('cursor', commentsCursor);
  const page = await api('GET', `/api/v1/videos/${id}/comments?${params}`);
  page.items.forEach((c) => $('comment-list').append(renderComment(c)));
  commentsCursor = page.next_cursor;
  $('comments-more').hidden = !commentsCursor;
  $('comments-empty').hidden = $('comment-list').children.length > 0;
}

$('like').addEventListener('click', async () => {
  if (!account) { goSignIn(); return; }
  const liked = $('like').getAttribute('aria-pressed') === 'true';
  const result = await api(liked ? 'DELETE' : 'POST', `/api/v1/videos/${id}/like?surface=${surface}`);
  $('like').setAttribute('aria-pressed', String(result.liked));
  $('like-count').textContent = String(result.likes);
});
$('follow').addEventListener('click', async () => {
  if (!account) { goSignIn(); return; }
  const following = $('follow').getAttribute('aria-pressed') === 'true';
  const result = await api(following ? 'DELETE' : 'POST',
    `/api/v1/channels/${video.channel.handle}/follow?video=${id}&surface=${surface}`);
  $('follow').setAttribute('aria-pressed', String(result.following));
  $('follow').textContent = t(result.following ? 'video.following' : 'video.follow');
});
$('share').addEventListener('click', async () => {
  try { await navigator.clipboard.writeText(location.origin + video.url); } catch { /* still counted */ }
  $('share').textContent = t('video.shared');
  track('share', id, surface);
});
$('comment-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError($('comment-error'), '');
  try {
    const comment = await api('POST', `/api/v1/videos/${id}/comments?surface=${surface}`, { body: $('comment-body').value });
    $('comment-list').prepend(renderComment(comment));
    $('comment-body').value = '';
    $('comments-empty').hidden = true;
  } catch (error) {
    showError($('comment-error'), error.message);
  }
});
$('comments-more').addEventListener('click', loadComments);

/** The HTML another site pastes to show the player: an iframe of /embed/<video>, shorter for an audio clip. */
function embedCode() {
  const src = new URL(video.embed_url, location.origin).href;
  const title = video.title.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const height = video.kind === 'audio' ? 200 : 315;
  return `<iframe src="${src}" width="560" height="${height}" title="${title}" style="border:0" `
    + 'allow="autoplay; fullscreen" allowfullscreen loading="lazy"></iframe>';
}
$('embed').addEventListener('click', () => {
  const open = $('embed-panel').hidden;
  $('embed-panel').hidden = !open;
  $('embed').setAttribute('aria-expanded', String(open));
  if (open) {
    $('embed-code').value = embedCode();
    $('embed-copied').textContent = '';
    $('embed-code').select();
  }
});
$('embed-copy').addEventListener('click', async () => {
  $('embed-code').select();
  try {
    await navigator.clipboard.writeText($('embed-code').value);
    $('embed-copied').textContent = t('embed.copied');
  } catch {
    $('embed-copied').textContent = t('embed.copy-by-hand');
  }
});

let reporting = null;
/** Opens the report form for the video or a comment; focus returns to the button that opened it. */
function openReport(target, opener) {
  reporting = { target, opener };
  $('report-title').textContent = t(target.kind === 'video' ? 'report.title.video' : 'report.title.comment');
  $('report-form').reset();
  showError($('report-error'), '');
  $('report-dialog').showModal();
}
function closeReport() {
  $('report-dialog').close();
  reporting?.opener.focus();
}
$('report').addEventListener('click', () => {
  if (!account) { goSignIn(); return; }
  openReport({ kind: 'video', id }, $('report'));
});
$('report-cancel').addEventListener('click', closeReport);
$('report-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData($('report-form'));
  const path = reporting.target.kind === 'video' ? `/api/v1/videos/${id}/reports` : `/api/v1/comments/${reporting.target.id}/reports`;
  try {
    const response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-CSRF-Token': csrfToken() },
      body: JSON.stringify({ reason: form.get('reason'), details: form.get('details') || '' }),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(body.detail || `HTTP ${response.status}`);
    $('report-status').textContent = t(response.status === 201 ? 'report.sent' : 'report.already');
    closeReport();
  } catch (error) {
    showError($('report-error'), error.message);
  }
});

/** The "up next" list: related videos, each with its first reason, impressions logged as the related surface. */
async function loadRelated() {
  const { items } = await api('GET', `/api/v1/videos/${id}/related?limit=8`);
  $('related-empty').hidden = items.length > 0;
  $('related-list').replaceChildren(...items.map((item) => {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = `${item.url}?from=related`;
    if (item.poster) {
      const img = document.createElement('img');
      img.src = item.poster;
      img.alt = '';
      if (item.kind === 'audio') img.classList.add('audio');
      img.loading = 'lazy';
      link.append(img);
    }
    const title = document.createElement('span');
    title.className = 'title';
    title.textContent = item.title;
    if (item.kind === 'audio') title.prepend(audioBadge(), ' ');
    link.append(title);
    li.append(link);
    if (item.why && item.why.length > 0) {
      const reason = document.createElement('small');
      reason.className = 'reason';
      reason.textContent = t(`why.${item.why[0].signal}`);
      li.append(reason);
    }
    track('impression', item.id, 'related', 0, item.duration_ms, { propensity: item.propensity });
    return li;
  }));
}

/** Shows what was understood of a ready video (steps, captions, Video Slide) once the player is up. */
function understand() {
  Promise.resolve(playerReady).then(() => mountAnalysis(video, $('video')))
    .catch((error) => { console.warn('The analysis could not be shown:', error); });
}

account = await setUpPage();
$('comment-form').hidden = !account;
try {
  video = await api('GET', `/api/v1/videos/${id}`);
  renderVideo();
  setUpTips(id, Boolean(video.owned), account, $('report-status'));
  if (video.hls) startPlayer();
  if (video.status === 'processing') followProcessing();
  if (video.status === 'failed') showError($('error'), t('video.failed', { error: video.error }));
  if (video.status === 'ready') understand();
  followReview();
  await loadComments();
  loadRelated().catch(() => { $('related-empty').hidden = false; });
} catch (error) {
  $('player').hidden = true;
  showError($('error'), error.message);
}
