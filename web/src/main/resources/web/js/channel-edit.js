// A channel's page as its owner edits it: the banner and avatar (sent as they are, fitted by the server), the
// name, the description and up to five links.
import { ApiError, api, csrfToken, goSignIn } from './api.js';
import { setUpPage, showError } from './chrome.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);
const MAX_LINKS = 5;
const handle = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop());
const path = `/api/v1/channels/${encodeURIComponent(handle)}`;
const error = $('error');

function linkRow(index, link = { label: '', url: '' }) {
  const row = document.createElement('div');
  row.className = 'link-row';
  const label = document.createElement('input');
  label.type = 'text';
  label.maxLength = 40;
  label.className = 'link-label';
  label.value = link.label;
  label.setAttribute('aria-label', t('channel-edit.link-label', { n: index + 1 }));
  label.placeholder = t('channel-edit.label-placeholder');
  const url = document.createElement('input');
  url.type = 'url';
  url.maxLength = 500;
  url.className = 'link-url';
  url.value = link.url;
  url.setAttribute('aria-label', t('channel-edit.link-url', { n: index + 1 }));
  url.placeholder = 'https://';
  row.append(label, url);
  return row;
}

function renderLinks(links) {
  const rows = [];
  for (let i = 0; i < MAX_LINKS; i += 1) rows.push(linkRow(i, links[i]));
  $('links').replaceChildren(...rows);
}

function render(channel) {
  document.title = `${t('channel-edit.heading')} · ${channel.display_name} · Pando`;
  $('view').href = channel.url;
  $('view').textContent = `@${channel.handle}`;
  $('name').value = channel.display_name;
  $('description').value = channel.description;
  renderLinks(channel.links);
  renderPictures(channel);
}

function renderPictures(channel) {
  for (const kind of ['avatar', 'banner']) {
    const slot = document.querySelector(`.picture-slot[data-picture="${kind}"]`);
    const img = slot.querySelector('img');
    const url = channel[kind];
    img.hidden = !url;
    if (url) img.src = url; else img.removeAttribute('src');
    slot.querySelector('.empty-picture').hidden = Boolean(url);
    document.querySelector(`.picture-controls[data-picture="${kind}"] .remove`).hidden = !url;
  }
}

/** Sends the file as the picture, with the share sent shown; resolves to the channel as changed. */
function sendPicture(kind, file, progress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', `${path}/${kind}`);
    request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('X-CSRF-Token', csrfToken());
    request.upload.addEventListener('progress', (e) => { if (e.lengthComputable) progress(e.loaded / e.total); });
    request.upload.addEventListener('load', () => progress(1));
    request.addEventListener('load', () => {
      const json = request.responseText ? JSON.parse(request.responseText) : {};
      if (request.status === 200) resolve(json); else reject(new ApiError(request.status, json));
    });
    request.addEventListener('error', () => reject(new Error(t('channel-edit.network-error'))));
    request.send(file);
  });
}

function setUpPicture(kind) {
  const controls = document.querySelector(`.picture-controls[data-picture="${kind}"]`);
  const input = controls.querySelector('input[type=file]');
  const box = controls.querySelector('.progress');
  const bar = box.querySelector('progress');
  const label = box.querySelector('.label');
  input.disabled = false;
  input.addEventListener('change', async () => {
    const file = input.files[0];
    if (!file) return;
    showError(error, '');
    box.hidden = false;
    bar.hidden = false;
    bar.removeAttribute('value');
    label.textContent = t('channel-edit.sending');
    try {
      const channel = await sendPicture(kind, file, (share) => {
        bar.value = share;
        label.textContent = share < 1 ? t('channel-edit.sending-share', { percent: Math.round(share * 100) })
          : t('channel-edit.checking');
        if (share >= 1) bar.removeAttribute('value');
      });
      renderPictures(channel);
      label.textContent = t(`channel-edit.${kind}-saved`);
    } catch (e) {
      label.textContent = '';
      showError(error, e.message);
    } finally {
      bar.hidden = true;
      box.hidden = !label.textContent;
      input.value = '';
    }
  });
  controls.querySelector('.remove').addEventListener('click', async () => {
    showError(error, '');
    try {
      renderPictures(await api('DELETE', `${path}/${kind}`));
    } catch (e) {
      showError(error, e.message);
    }
  });
}

$('about-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError(error, '');
  $('status').textContent = '';
  const links = [...$('links').querySelectorAll('.link-row')]
    .map((row) => ({ label: row.querySelector('.link-label').value.trim(), url: row.querySelector('.link-url').value.trim() }))
    .filter((link) => link.url);
  try {
    render(await api('PATCH', path, { display_name: $('name').value, description: $('description').value, links }));
    $('status').textContent = t('settings.saved');
  } catch (e) {
    showError(error, e.message);
  }
});

const account = await setUpPage();
if (!account) goSignIn();
else {
  try {
    const channel = await api('GET', path);
    if (!channel.owned) throw new Error(t('channel-edit.not-yours'));
    render(channel);
    setUpPicture('avatar');
    setUpPicture('banner');
    $('about-fields').disabled = false;
  } catch (e) {
    showError(error, e.message);
  }
}
