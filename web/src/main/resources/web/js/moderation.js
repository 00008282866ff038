// The moderators' review queue: held and reported videos and comments, oldest first, each with why it is here,
// the moment to look at, the reports, a note and the decision buttons; and, for admins, giving roles.
import { ApiError, api, goSignIn } from './api.js';
import { setUpPage, showError } from './chrome.js';
import { t } from './i18n.js';
import { holdReason } from './review.js';

const $ = (id) => document.getElementById(id);
const list = $('queue');
let cursor = null;

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

const score = (value) => Number(value).toFixed(2);
const seconds = (value) => String(Math.round(Number(value) * 10) / 10);

/** Why the case is here: the hold, the highest NSFW score and the moment (or the poster) to look at. */
function reasons(item) {
  const part = element('div', 'case-reasons');
  if (item.hold) {
    part.append(element('p', 'hold-reason', holdReason(item.hold, 'moderation')));
  }
  if (item.nsfw_max !== null && item.target.kind === 'video') {
    part.append(element('p', 'hint', item.nsfw_max_at === null
      ? t('moderation.nsfw.poster', { score: score(item.nsfw_max) })
      : t('moderation.nsfw', { score: score(item.nsfw_max), at: seconds(item.nsfw_max_at) })));
  }
  if (item.moment_url && item.target.kind === 'video') {
    const at = item.hold?.cause === 'nsfw-score' ? item.hold.at : item.nsfw_max_at;
    const moment = element('a', 'moment', at === null ? t('moderation.moment.poster') : t('moderation.moment', { at: seconds(at) }));
    moment.href = item.moment_url;
    part.append(moment);
  }
  return part;
}

function reports(item) {
  const part = element('div', 'case-reports');
  if (item.report_count === 0) return part;
  part.append(element('p', 'meta', t('moderation.reports', { count: item.report_count })));
  const ul = element('ul', 'report-list');
  item.reports.forEach((report) => {
    const li = element('li');
    li.append(element('strong', null, t(`reason.${report.reason}`)), ` · @${report.reporter}`);
    if (report.details) li.append(element('span', 'details', ` — ${report.details}`));
    ul.append(li);
  });
  part.append(ul);
  return part;
}

function comment(item) {
  const part = element('figure', 'case-comment');
  if (!item.comment) {
    part.append(element('p', 'hint', t('moderation.comment.deleted')));
    return part;
  }
  part.append(element('figcaption', 'meta', t('moderation.comment.by', { author: item.comment.author })),
    element('blockquote', null, item.comment.body));
  return part;
}

/** The note and the two decisions; the result is announced in the case's status line. */
function decision(item, headingId) {
  const form = element('form', 'stack decision');
  const noteId = `note-${item.id}`;
  const video = item.target.kind === 'video';
  const label = element('label');
  label.htmlFor = noteId;
  label.append(element('span', null, t(video ? 'moderation.note' : 'moderation.note.comment')),
    element('small', null, t(video ? 'moderation.note.hint' : 'moderation.note.comment.hint')));
  const note = element('textarea');
  note.id = noteId;
  note.maxLength = 1000;
  const buttons = element('div', 'decision-buttons');
  const approve = element('button', 'button primary', t(video ? 'moderation.approve' : 'moderation.keep'));
  const reject = element('button', 'button', t(video ? 'moderation.reject' : 'moderation.remove'));
  approve.type = 'button';
  reject.type = 'button';
  const status = element('p', 'hint');
  status.setAttribute('role', 'status');
  const error = element('p', 'error');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  const decide = async (verdict) => {
    showError(error, '');
    const path = video ? `/api/v1/moderation/videos/${item.target.id}/decision`
      : `/api/v1/moderation/comments/${item.target.id}/decision`;
    try {
      await api('POST', path, { decision: verdict, note: note.value });
      status.textContent = t(`moderation.done.${verdict}`);
      approve.disabled = true;
      reject.disabled = true;
      note.disabled = true;
      form.closest('li').classList.add('decided');
    } catch (e) {
      showError(error, e.message);
    }
  };
  approve.addEventListener('click', () => decide('approve'));
  reject.addEventListener('click', () => decide('reject'));
  form.addEventListener('submit', (event) => event.preventDefault());
  buttons.append(approve, reject);
  form.setAttribute('aria-labelledby', headingId);
  form.append(label, note, buttons, status, error);
  return form;
}

function row(item) {
  const li = element('li', 'case');
  li.dataset.case = item.id;
  li.dataset.kind = item.target.kind;
  li.dataset.target = item.target.id;
  const headingId = `case-${item.id}`;
  li.setAttribute('aria-labelledby', headingId);
  const head = element('div', 'row-head');
  const heading = element('h2', 'case-title');
  heading.id = headingId;
  const badges = element('span', 'badges');
  badges.append(element('span', 'status', t(`moderation.kind.${item.target.kind}`)));
  if (item.video) {
    const link = element('a', null, item.video.title);
    link.href = item.video.url;
    heading.append(link);
  }
  if (item.video?.publication === 'held') badges.append(element('span', 'status held', t('status.held')));
  head.append(heading, badges);
  li.append(head);
  if (item.video?.poster && item.target.kind === 'video') {
    const img = element('img', 'case-poster');
    img.src = item.video.poster;
    img.alt = '';
    li.append(img);
  }
  if (item.target.kind === 'comment') li.append(comment(item));
  li.append(reasons(item), reports(item), decision(item, headingId));
  return li;
}

async function load() {
  const params = new URLSearchParams({ limit: '20' });
  if (cursor) params.set('cursor', cursor);
  try {
    const page = await api('GET', `/api/v1/moderation/queue?${params}`);
    page.items.forEach((item) => list.append(row(item)));
    cursor = page.next_cursor;
    $('more').hidden = !cursor;
    $('empty').hidden = list.children.length > 0;
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) {
      $('forbidden').hidden = false;
      return;
    }
    showError($('error'), error.message);
  }
}

function setUpRoles() {
  $('roles').hidden = false;
  $('role-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    showError($('role-error'), '');
    $('role-status').textContent = '';
    const username = $('role-username').value.trim();
    try {
      const result = await api('PUT', `/api/v1/accounts/${encodeURIComponent(username)}/role`, { role: $('role-role').value });
      $('role-status').textContent = t('moderation.roles.given', { username: result.username, role: t(`role.${result.role}`) });
    } catch (error) {
      showError($('role-error'), error.message);
    }
  });
}

$('more').addEventListener('click', load);
const account = await setUpPage();
if (!account) goSignIn();
else {
  if (account.role === 'admin') setUpRoles();
  load();
}
