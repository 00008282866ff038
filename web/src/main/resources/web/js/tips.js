// Tipping a video's creator from the watch page. Each attempt keeps one idempotency key until it succeeds, so a
// retried click after a lost answer never tips twice.
import { api, goSignIn } from './api.js';
import { showError } from './chrome.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

async function showBalance() {
  const wallet = await api('GET', '/api/v1/wallet');
  $('tip-balance').textContent = t('tip.balance', { balance: wallet.balance, currency: wallet.currency });
}

/** Shows the Tip button to signed-in viewers who are not the video's creator. */
export function setUpTips(videoId, owned, account, status) {
  $('tip').hidden = owned;
  let key = null;
  $('tip').addEventListener('click', async () => {
    if (!account) { goSignIn(); return; }
    showError($('tip-error'), '');
    $('tip-dialog').showModal();
    await showBalance().catch((e) => showError($('tip-error'), e.message));
  });
  $('tip-cancel').addEventListener('click', () => { $('tip-dialog').close(); $('tip').focus(); });
  $('tip-form').addEventListener('change', () => { key = null; });
  $('tip-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = new FormData($('tip-form'));
    key ||= crypto.randomUUID();
    try {
      const done = await api('POST', `/api/v1/videos/${videoId}/tips`,
        { amount_minor: Number(form.get('amount')), message: form.get('message') || '' }, { 'Idempotency-Key': key });
      key = null;
      $('tip-dialog').close();
      $('tip-form').reset();
      status.textContent = t('tip.sent', { balance: done.wallet.balance, currency: done.wallet.currency });
      $('tip').focus();
    } catch (e) {
      showError($('tip-error'), e.message);
    }
  });
}
