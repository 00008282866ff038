// A channel's page: who it is (banner, avatar, description, links), follow, and its videos newest first.
import { api, goSignIn } from './api.js';
import { setUpPage, showError } from './chrome.js';
import { audioBadge } from './badges.js';
import { formatTime, t } from './i18n.js';

const $ = (id) => document.getElementById(id);
const handle = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop());
let cursor = null;
let account = null;

function card(video) {
  const a = document.createElement('a');
  a.className = 'card';
  a.href = `${video.url}?from=channel`;
  const thumb = document.createElement('div');
  thumb.className = 'thumb';
  if (video.poster) thumb.style.backgroundImage = `url("${video.poster}")`;
  if (video.kind === 'audio') {
    thumb.classList.add('audio');
    thumb.append(audioBadge());
  }
  const title = document.createElement('span');
  title.className = 'title';
  title.textContent = video.title;
  const meta = document.createElement('span');
  meta.className = 'hint';
  meta.textContent = `${formatTime(video.duration)} · ♥ ${video.likes}`;
  a.append(thumb, title, meta);
  return a;
}

async function loadVideos() {
  const params = new URLSearchParams({ limit: '24' });
  if (cursor) params.set('cursor', cursor);
  const page = await api('GET', `/api/v1/channels/${encodeURIComponent(handle)}/videos?${params}`);
  page.items.forEach((v) => $('videos').append(card(v)));
  cursor = page.next_cursor;
  $('more').hidden = !cursor;
  $('empty').hidden = $('videos').children.length > 0;
}

function renderFollow(following, followers) {
  $('follow').setAttribute('aria-pressed', String(following));
  $('follow').textContent = t(following ? 'video.following' : 'video.follow');
  $('followers').textContent = t('channel.followers', { count: followers });
}

function renderPictures(channel) {
  $('banner').hidden = !channel.banner;
  if (channel.banner) $('banner').querySelector('img').src = channel.banner;
  $('avatar').hidden = !channel.avatar;
  if (channel.avatar) $('avatar').src = channel.avatar;
}

/** The creator's links, opened elsewhere and marked as theirs, not the instance's. */
function renderLinks(links) {
  $('links').replaceChildren(...links.map((link) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = link.url;
    a.textContent = link.label;
    a.rel = 'nofollow ugc noopener noreferrer';
    a.target = '_blank';
    li.append(a);
    return li;
  }));
  $('links').hidden = links.length === 0;
}

$('follow').addEventListener('click', async () => {
  if (!account) { goSignIn(); return; }
  const following = $('follow').getAttribute('aria-pressed') === 'true';
  const result = await api(following ? 'DELETE' : 'POST', `/api/v1/channels/${encodeURIComponent(handle)}/follow?surface=channel`);
  renderFollow(result.following, result.followers);
});
$('more').addEventListener('click', loadVideos);

account = await setUpPage();
try {
  const channel = await api('GET', `/api/v1/channels/${encodeURIComponent(handle)}`);
  document.title = `${channel.display_name} · Pando`;
  $('name').textContent = channel.display_name;
  $('handle').textContent = `@${channel.handle}`;
  $('description').textContent = channel.description;
  renderPictures(channel);
  renderLinks(channel.links);
  $('follow').hidden = Boolean(channel.owned);
  $('edit').hidden = !channel.owned;
  $('edit').href = `/studio/channels/${encodeURIComponent(channel.handle)}`;
  renderFollow(Boolean(channel.following), channel.followers);
  await loadVideos();
} catch (e) {
  showError($('error'), e.message);
}
