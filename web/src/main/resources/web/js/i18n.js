// Interface strings: every text a page shows comes from /i18n/<locale>.json by key.
const AVAILABLE = ['en'];
let messages = {};

function chooseLocale() {
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const language = tag.toLowerCase().split('-')[0];
    if (AVAILABLE.includes(language)) return language;
  }
  return 'en';
}

export async function loadMessages() {
  const locale = chooseLocale();
  const response = await fetch(`/i18n/${locale}.json`);
  messages = await response.json();
  document.documentElement.lang = locale;
  apply(document);
}

/** The message for a key, with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

/** Fills data-i18n (text), data-i18n-placeholder and data-i18n-label (aria-label) under root. */
export function apply(root) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((el) => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach((el) => { el.setAttribute('aria-label', t(el.dataset.i18nLabel)); });
}

export function formatBytes(bytes) {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit += 1; }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatTime(seconds) {
  const s = Math.max(0, Math.floor(seconds || 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
