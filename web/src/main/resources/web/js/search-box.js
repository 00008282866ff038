// The search box in every page's top bar: an ARIA 1.2 combobox whose list suggests titles and tags as you type
// (↓ ↑ move through them, Enter picks one or searches what is typed, Escape closes the list, then clears the box).
// On a narrow screen the box is folded into its button, which unfolds it over the top bar.
import { t } from './i18n.js';

const WAIT_MS = 120;
const NARROW = window.matchMedia('(max-width: 720px)');

export function mountSearchBox(form) {
  const input = form.querySelector('input[role="combobox"]');
  const list = form.querySelector('[role="listbox"]');
  const status = form.querySelector('[role="status"]');
  let options = [];
  let active = -1;
  let timer = null;
  let asked = null;

  const current = new URLSearchParams(location.search).get('q');
  if (location.pathname === '/search' && current) input.value = current;

  function close() {
    list.hidden = true;
    list.replaceChildren();
    options = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  }

  function highlight(index) {
    active = index;
    options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
    if (index < 0) {
      input.removeAttribute('aria-activedescendant');
    } else {
      input.setAttribute('aria-activedescendant', options[index].id);
      options[index].scrollIntoView({ block: 'nearest' });
    }
  }

  function go(text) {
    input.value = text;
    close();
    location.assign(`/search?${new URLSearchParams({ q: text })}`);
  }

  function show(suggestions) {
    list.replaceChildren();
    options = suggestions.map((suggestion, i) => {
      const option = document.createElement('li');
      option.id = `site-search-option-${i}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.kind = suggestion.kind;
      option.textContent = suggestion.kind === 'tag' ? `#${suggestion.text}` : suggestion.text;
      option.dataset.text = suggestion.text;
      // Keep the focus in the box when an option is pressed.
      option.addEventListener('mousedown', (event) => event.preventDefault());
      option.addEventListener('click', () => go(suggestion.text));
      return option;
    });
    list.append(...options);
    active = -1;
    input.removeAttribute('aria-activedescendant');
    const open = options.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    status.textContent = open ? t('search.suggestions.count', { count: options.length }) : '';
  }

  async function suggest() {
    const typed = input.value;
    if (!typed.trim()) { close(); return; }
    asked?.abort();
    asked = new AbortController();
    try {
      const response = await fetch(`/api/v1/search/suggest?${new URLSearchParams({ q: typed })}`,
        { signal: asked.signal, headers: { Accept: 'application/json' } });
      if (!response.ok || input.value !== typed) return;
      show((await response.json()).suggestions);
    } catch (error) {
      if (error.name !== 'AbortError') close();
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, WAIT_MS);
  });
  input.addEventListener('keydown', (event) => {
    const open = !list.hidden && options.length > 0;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) { suggest(); return; }
      highlight((active + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (open) highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      if (open && active >= 0) {
        event.preventDefault();
        go(options[active].dataset.text);
      }
    } else if (event.key === 'Escape') {
      if (open) close();
      else if (input.value) input.value = '';
      else if (form.classList.contains('open')) fold();
      else return;
      event.preventDefault();
    }
  });
  input.addEventListener('blur', () => {
    close();
    if (!input.value.trim()) form.classList.remove('open');
  });
  function fold() {
    form.classList.remove('open');
    form.querySelector('button[type="submit"]').focus();
  }
  form.addEventListener('submit', (event) => {
    if (NARROW.matches && !form.classList.contains('open')) {
      event.preventDefault();
      form.classList.add('open');
      input.focus();
      return;
    }
    if (!input.value.trim()) { event.preventDefault(); input.focus(); return; }
    close();
  });
}
