// The studio: the statistics of the creator's channel, the tips they earned in a month, and the list of their own
// videos, with live status while they process and are checked, and why one is held.
import { api, goSignIn } from './api.js';
import { setUpPage, showError } from './chrome.js';
import { showChannel } from './channel-stats.js';
import { audioBadge } from './badges.js';
import { dataTable } from './tables.js';
import { t } from './i18n.js';
import { holdReason } from './review.js';

const list = document.getElementById('videos');
let cursor = null;

function row(video) {
  const li = document.createElement('li');
  li.dataset.video = video.id;
  const head = document.createElement('div');
  head.className = 'row-head';
  const title = document.createElement('a');
  title.href = video.url;
  title.textContent = video.title;
  const status = document.createElement('span');
  status.className = `status ${video.status}`;
  status.textContent = video.status === 'processing'
    ? `${t('status.processing')} ${Math.floor(video.progress * 100)}%` : t(`status.${video.status}`);
  const badges = document.createElement('span');
  badges.className = 'badges';
  badges.append(status);
  const hidden = ['checking', 'held', 'rejected'].includes(video.publication);
  if (video.status === 'ready' && hidden) {
    const review = document.createElement('span');
    review.className = `status ${video.publication}`;
    review.textContent = t(`status.${video.publication}`);
    badges.append(review);
  }
  if (video.kind === 'audio') title.prepend(audioBadge(), ' ');
  const stats = document.createElement('a');
  stats.href = `/studio/videos/${video.id}`;
  stats.className = 'button';
  stats.textContent = t('studio.statistics');
  head.append(title, badges, stats);
  li.append(head);
  const note = video.review?.decision?.note;
  const reason = video.publication === 'held' ? holdReason(video.review?.hold) : (note ? t('review.note', { note }) : '');
  if (reason) {
    const why = document.createElement('p');
    why.className = 'hint review-why';
    why.textContent = reason;
    li.append(why);
  }
  if (video.error) {
    const error = document.createElement('p');
    error.className = 'error';
    error.textContent = video.error;
    li.append(error);
  }
  return li;
}

async function load() {
  const params = new URLSearchParams({ limit: '20' });
  if (cursor) params.set('cursor', cursor);
  const page = await api('GET', `/api/v1/me/videos?${params}`);
  page.items.forEach((v) => list.append(row(v)));
  cursor = page.next_cursor;
  document.getElementById('more').hidden = !cursor;
  document.getElementById('empty').hidden = list.children.length > 0;
  if (page.items.some(unsettled)) setTimeout(refresh, 2000);
}

/** Still processing, or ready with its pictures still being checked. */
const unsettled = (v) => v.status === 'processing' || (v.status === 'ready' && v.publication === 'checking');

async function refresh() {
  const page = await api('GET', '/api/v1/me/videos?limit=20');
  page.items.forEach((v) => list.querySelector(`[data-video="${v.id}"]`)?.replaceWith(row(v)));
  if (page.items.some(unsettled)) setTimeout(refresh, 2000);
}

function channels(account) {
  const select = document.getElementById('channel');
  const container = document.getElementById('channel-stats');
  const error = document.getElementById('channel-error');
  account.channels.forEach((c) => select.append(new Option(c.display_name || c.handle, c.handle)));
  document.getElementById('channel-pick').hidden = account.channels.length < 2;
  const show = () => {
    document.getElementById('channel-edit').href = `/studio/channels/${encodeURIComponent(select.value)}`;
    showChannel(container, select.value).catch((e) => showError(error, e.message));
  };
  select.addEventListener('change', show);
  if (account.channels.length) show();
}

/** The tips of the chosen month per video, with the month's total. */
async function showEarnings() {
  const month = document.getElementById('earnings-month').value;
  const error = document.getElementById('earnings-error');
  showError(error, '');
  try {
    const earnings = await api('GET', `/api/v1/studio/earnings${month ? `?month=${month}` : ''}`);
    document.getElementById('earnings-month').value = earnings.month;
    document.getElementById('earnings-statement').href = `/wallet?month=${earnings.month}`;
    document.getElementById('earnings-total').textContent = t('studio.earnings-total',
      { amount: earnings.amount, currency: earnings.currency, tips: earnings.tips, month: earnings.month });
    const link = (row) => {
      const a = document.createElement('a');
      a.href = `/studio/videos/${row.id}`;
      a.textContent = row.title || row.id;
      return a;
    };
    document.getElementById('earnings').replaceChildren(dataTable(t('studio.earnings'), `earnings-${earnings.month}`, [
      { title: t('studio.video'), value: (row) => row.title, show: link },
      { title: t('studio.tips'), value: (row) => row.tips },
      { title: t('studio.earned', { currency: earnings.currency }), value: (row) => row.amount },
    ], earnings.videos, { hideCaption: true }));
  } catch (e) {
    showError(error, e.message);
  }
}

document.getElementById('more').addEventListener('click', load);
document.getElementById('earnings-month').addEventListener('change', showEarnings);
const account = await setUpPage();
if (!account) goSignIn();
else {
  channels(account);
  showEarnings();
  load().catch((e) => showError(document.getElementById('error'), e.message));
}
