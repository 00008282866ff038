// Profile (country and languages, used by the Local feed and recommendations), feed controls and API tokens.
import { api, goSignIn } from './api.js';
import { setUpPage, showError } from './chrome.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);
const error = $('error');

function countries(selected) {
  const names = new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'region' });
  const codes = [];
  for (let a = 65; a <= 90; a += 1) {
    for (let b = 65; b <= 90; b += 1) {
      const code = String.fromCharCode(a, b);
      try {
        const name = names.of(code);
        if (name && name !== code) codes.push([code, name]);
      } catch { /* not a region */ }
    }
  }
  codes.sort((x, y) => x[1].localeCompare(y[1]));
  $('country').append(new Option(t('settings.country.none'), ''));
  for (const [code, name] of codes) $('country').append(new Option(`${name} (${code})`, code, false, code === selected));
}

async function loadTokens() {
  const { items } = await api('GET', '/api/v1/me/tokens');
  $('tokens').replaceChildren();
  if (items.length === 0) {
    const li = document.createElement('li');
    li.textContent = t('settings.tokens.none');
    $('tokens').append(li);
  }
  for (const token of items) {
    const li = document.createElement('li');
    li.className = 'row-head';
    const name = document.createElement('span');
    name.textContent = `${token.name} · ${new Date(token.created_at).toLocaleDateString()}`;
    const revoke = document.createElement('button');
    revoke.type = 'button';
    revoke.className = 'button';
    revoke.textContent = t('settings.tokens.revoke');
    revoke.addEventListener('click', async () => { await api('DELETE', `/api/v1/me/tokens/${token.id}`); loadTokens(); });
    li.append(name, revoke);
    $('tokens').append(li);
  }
}

function renderChannels(channels) {
  $('channels').replaceChildren(...channels.map((channel) => {
    const li = document.createElement('li');
    const link = document.createElement('a');
    link.href = channel.url;
    link.textContent = `${channel.display_name} (@${channel.handle})`;
    const edit = document.createElement('a');
    edit.className = 'button';
    edit.href = `/studio/channels/${encodeURIComponent(channel.handle)}`;
    edit.textContent = t('channel.edit');
    li.className = 'row-head';
    li.append(link, edit);
    return li;
  }));
}

$('channel-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError(error, '');
  try {
    await api('POST', '/api/v1/channels', {
      handle: $('channel-handle').value, display_name: $('channel-name').value, description: $('channel-description').value,
    });
    const account = await api('GET', '/api/v1/me');
    renderChannels(account.channels);
    $('channel-form').reset();
  } catch (e) {
    showError(error, e.message);
  }
});

$('profile-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError(error, '');
  try {
    const languages = $('languages').value.split(/[\s,]+/).filter(Boolean);
    const account = await api('PATCH', '/api/v1/me', { country: $('country').value, languages });
    $('languages').value = account.languages.join(', ');
    $('profile-status').textContent = t('settings.saved');
  } catch (e) {
    showError(error, e.message);
  }
});
$('token-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError(error, '');
  try {
    const created = await api('POST', '/api/v1/me/tokens', { name: $('token-name').value });
    $('token-secret').textContent = created.token;
    $('token-created').hidden = false;
    $('token-name').value = '';
    loadTokens();
  } catch (e) {
    showError(error, e.message);
  }
});

/** The For You strategy (radio buttons) and one slider per reason. */
function renderFeedPreferences(preferences) {
  const strategies = $('feed-strategies');
  strategies.querySelectorAll('label').forEach((l) => l.remove());
  for (const strategy of preferences.strategies) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'strategy';
    input.value = strategy;
    input.checked = strategy === preferences.strategy;
    label.append(input, ` ${t(`settings.feed.strategy.${strategy}`)}`);
    strategies.append(label);
  }
  $('feed-weights').replaceChildren(...Object.entries(preferences.weights).map(([signal, weight]) => {
    const label = document.createElement('label');
    const name = document.createElement('span');
    name.textContent = t(`why.${signal}`);
    const slider = document.createElement('input');
    slider.type = 'range';
    slider.min = '0';
    slider.max = String(preferences.max_weight);
    slider.step = '0.1';
    slider.value = String(weight);
    slider.dataset.signal = signal;
    slider.setAttribute('aria-label', t(`why.${signal}`));
    const shown = document.createElement('output');
    shown.textContent = Number(weight).toFixed(1);
    slider.addEventListener('input', () => { shown.textContent = Number(slider.value).toFixed(1); });
    label.append(name, slider, shown);
    return label;
  }));
}

$('feed-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  showError(error, '');
  try {
    const weights = {};
    $('feed-weights').querySelectorAll('input[type="range"]').forEach((s) => { weights[s.dataset.signal] = Number(s.value); });
    const strategy = $('feed-form').querySelector('input[name="strategy"]:checked')?.value || 'personalised';
    renderFeedPreferences(await api('PUT', '/api/v1/me/feed-preferences', { strategy, weights }));
    $('feed-status').textContent = t('settings.saved');
  } catch (e) {
    showError(error, e.message);
  }
});
$('feed-reset').addEventListener('click', async () => {
  renderFeedPreferences(await api('PUT', '/api/v1/me/feed-preferences', { strategy: 'personalised', weights: {} }));
  $('feed-status').textContent = t('settings.saved');
});

const account = await setUpPage();
if (!account) {
  goSignIn();
} else {
  countries(account.country);
  renderChannels(account.channels);
  $('languages').value = account.languages.join(', ');
  $('profile-fields').disabled = false;
  loadTokens().catch((e) => showError(error, e.message));
  api('GET', '/api/v1/me/feed-preferences').then((preferences) => {
    renderFeedPreferences(preferences);
    $('feed-fields').disabled = false;
  }).catch((e) => showError(error, e.message));
}
