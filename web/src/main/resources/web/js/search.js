// The search page: ranked videos and audio clips for /search?q=…, filters, "More results", and a hit inside what is
// said linking to the moment it is said. Results shown are impressions of the search surface; watching one from here
// is too.
import { api } from './api.js';
import { setUpPage, showError } from './chrome.js';
import { track } from './events.js';
import { audioBadge } from './badges.js';
import { formatTime, t } from './i18n.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const query = (params.get('q') || '').trim();
const FILTERS = ['duration', 'date', 'language'];
const PAGE = 20;
let cursor = null;
let shown = 0;

function watchLink(video, seconds) {
  const link = new URLSearchParams({ from: 'search' });
  if (seconds !== undefined) link.set('t', String(Math.floor(seconds)));
  return `/v/${encodeURIComponent(video.id)}?${link}`;
}

function result(video) {
  const li = document.createElement('li');
  li.className = 'result';
  li.dataset.video = video.id;
  const thumb = document.createElement('a');
  thumb.className = 'thumb';
  thumb.href = watchLink(video, video.t);
  thumb.tabIndex = -1;
  thumb.setAttribute('aria-hidden', 'true');
  if (video.poster) thumb.style.backgroundImage = `url("${video.poster}")`;
  const length = document.createElement('span');
  length.className = 'length';
  length.textContent = formatTime(video.duration_ms / 1000);
  thumb.append(length);

  const body = document.createElement('div');
  body.className = 'result-body';
  const heading = document.createElement('h2');
  const title = document.createElement('a');
  title.href = watchLink(video);
  title.textContent = video.title;
  heading.append(title);
  if (video.kind === 'audio') {
    thumb.classList.add('audio');
    heading.append(' ', audioBadge());
  }
  const meta = document.createElement('p');
  meta.className = 'hint';
  const channel = document.createElement('a');
  channel.href = video.channel.url;
  channel.textContent = video.channel.display_name;
  const duration = document.createElement('span');
  duration.textContent = ` · ${t('search.duration', { time: formatTime(video.duration_ms / 1000) })}`;
  meta.append(channel, duration);
  body.append(heading, meta);
  if (video.t !== undefined) {
    const said = document.createElement('a');
    said.className = 'said';
    said.href = watchLink(video, video.t);
    said.textContent = t('search.said', { time: formatTime(video.t), snippet: video.snippet });
    body.append(said);
  }
  li.append(thumb, body);
  return li;
}

function filtersFromAddress() {
  $('filter-q').value = query;
  FILTERS.forEach((name) => { $(`filter-${name}`).value = params.get(name) || ''; });
  // With scripts, a filter applies as soon as it is chosen.
  $('filter-apply').hidden = true;
  FILTERS.forEach((name) => $(`filter-${name}`).addEventListener('change', () => $('search-filters').requestSubmit()));
}

async function loadPage() {
  const asked = new URLSearchParams({ q: query, limit: String(PAGE) });
  FILTERS.forEach((name) => { if (params.get(name)) asked.set(name, params.get(name)); });
  if (cursor) asked.set('cursor', cursor);
  const page = await api('GET', `/api/v1/search?${asked}`);
  page.items.forEach((video) => {
    $('search-results').append(result(video));
    track('impression', video.id, 'search', 0, video.duration_ms);
  });
  shown += page.items.length;
  cursor = page.next_cursor;
  $('search-more').hidden = !cursor;
  $('search-summary').textContent = shown === 0 ? '' : t(cursor ? 'search.summary.more' : 'search.summary', { count: shown, query });
  if (shown === 0) {
    $('search-empty').textContent = t('search.empty', { query });
    $('search-empty').hidden = false;
  }
}

$('search-more').addEventListener('click', async () => {
  $('search-more').disabled = true;
  try {
    await loadPage();
  } catch (error) {
    showError($('search-error'), error.message);
  } finally {
    $('search-more').disabled = false;
  }
});

await setUpPage();
filtersFromAddress();
if (query) {
  document.title = `${t('search.title.query', { query })} · Pando`;
  $('search-heading').textContent = t('search.title.query', { query });
  try {
    await loadPage();
  } catch (error) {
    showError($('search-error'), error.message);
  }
} else {
  $('search-empty').textContent = t('search.start');
  $('search-empty').hidden = false;
}
