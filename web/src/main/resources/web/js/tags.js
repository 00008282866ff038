// A video's tags: shown to everyone as links-free chips; its creator adds and removes them, and picks from the
// tags the analysis suggests once it has read what the video says and what was written about it.
import { api } from './api.js';
import { t } from './i18n.js';

const $ = (selector) => document.getElementById(selector);
let current = null;
let editorReady = false;

/** Shows the video's tags, and the editor to its creator; called again when the video's details change. */
export function mountTags(video) {
  current = video;
  render(video.tags || []);
  if (!video.owned || editorReady) return;
  editorReady = true;
  $('tag-editor').hidden = false;
  $('tag-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = $('tag-input');
    const tag = input.value.trim();
    if (!tag) return;
    if (await save([...current.tags, tag])) input.value = '';
  });
}

/** Offers the analysis's suggestions to the creator, leaving out tags the video has. */
export function showSuggestions(suggested) {
  if (!current || !current.owned) return;
  const offered = suggested.filter((s) => !current.tags.includes(s.tag));
  $('tag-suggestions-block').hidden = offered.length === 0;
  $('tag-suggestions').replaceChildren(...offered.map((s) => {
    const li = document.createElement('li');
    const add = document.createElement('button');
    add.type = 'button';
    add.className = 'chip suggestion';
    add.textContent = `+ ${s.tag}`;
    add.setAttribute('aria-label', t('tags.suggestion.add', { tag: s.tag }));
    add.addEventListener('click', async () => {
      if (await save([...current.tags, s.tag])) showSuggestions(suggested);
    });
    li.append(add);
    return li;
  }));
}

async function save(tags) {
  const error = $('tag-error');
  error.hidden = true;
  try {
    const kept = await api('PUT', `/api/v1/videos/${current.id}/tags`, { tags });
    current.tags = kept.tags;
    render(kept.tags);
    return true;
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
    return false;
  }
}

function render(tags) {
  $('tags').hidden = tags.length === 0 && !(current && current.owned);
  $('tags-empty').hidden = tags.length > 0;
  $('tag-list').replaceChildren(...tags.map((tag) => {
    const li = document.createElement('li');
    const chip = document.createElement('span');
    chip.className = 'chip';
    chip.textContent = `#${tag}`;
    li.append(chip);
    if (current && current.owned) {
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'chip-remove';
      remove.textContent = '×';
      remove.setAttribute('aria-label', t('tags.remove', { tag }));
      remove.addEventListener('click', () => save(current.tags.filter((x) => x !== tag)));
      li.append(remove);
    }
    return li;
  }));
}
