// The wallet: the balance, top-ups through the test provider, and a month's statement with its CSV.
import { api, goSignIn } from './api.js';
import { setUpPage, showError } from './chrome.js';
import { dataTable } from './tables.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);
const coins = (minor) => (minor / 100).toFixed(2);
let topUpKey = null;

async function showBalance() {
  const wallet = await api('GET', '/api/v1/wallet');
  $('balance').textContent = `${wallet.balance} ${wallet.currency}`;
}

async function showStatement() {
  const month = $('month').value;
  const statement = await api('GET', `/api/v1/wallet/statement?month=${month}`);
  $('earnings').textContent = t('wallet.earnings', {
    opening: coins(statement.opening_minor), closing: coins(statement.closing_minor),
    tips: coins(statement.tips_received_minor), currency: statement.currency,
  });
  $('statement').replaceChildren(dataTable(t('wallet.statement'), `statement-${month}`, [
    { title: t('wallet.date'), value: (l) => l.at, show: (l) => new Date(l.at).toLocaleString() },
    { title: t('wallet.kind'), value: (l) => l.kind, show: (l) => t(`wallet.kind-${l.kind}`) },
    { title: t('stats.video'), value: (l) => l.video ?? '', show: (l) => {
      if (!l.video) return '';
      const a = document.createElement('a');
      a.href = `/v/${l.video}`;
      a.textContent = l.video;
      return a;
    } },
    { title: t('wallet.memo'), value: (l) => l.memo },
    { title: t('wallet.amount'), value: (l) => coins(l.amount_minor) },
    { title: t('wallet.balance-after'), value: (l) => coins(l.balance_minor) },
  ], statement.lines, { hideCaption: true }));
  $('statement-csv').href = `/api/v1/wallet/statement.csv?month=${month}`;
}

$('top-up-form').addEventListener('change', () => { topUpKey = null; });
$('top-up-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  topUpKey ||= crypto.randomUUID();
  try {
    await api('POST', '/api/v1/wallet/top-ups', { amount_minor: Math.round(Number($('top-up-amount').value) * 100) },
      { 'Idempotency-Key': topUpKey });
    topUpKey = null;
    showError($('error'), '');
    await showBalance();
    await showStatement();
  } catch (e) {
    showError($('error'), e.message);
  }
});
$('month').addEventListener('change', () => showStatement().catch((e) => showError($('error'), e.message)));

const account = await setUpPage();
if (!account) goSignIn();
else {
  $('month').value = new URLSearchParams(location.search).get('month') || new Date().toISOString().slice(0, 7);
  Promise.all([showBalance(), showStatement()]).catch((e) => showError($('error'), e.message));
}
