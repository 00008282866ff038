// The administrators' dashboard: uploads, active users, the processing queue, storage, how evenly impressions are
// shared among channels day by day and overall, and the load of the last hour with its 30-minute forecast.
import { api, goSignIn } from './api.js';
import { setUpPage, showError } from './chrome.js';
import { barChart, lineChart } from './charts.js';
import { dataTable } from './tables.js';
import { t } from './i18n.js';
import { count, forecastText, lastHour, lorenzChart } from './stats-view.js';

const $ = (id) => document.getElementById(id);
const bytes = (n) => new Intl.NumberFormat(undefined, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 })
  .format(n / 1e6);

/** A bar chart of a per-day series, with its table. */
function perDay(title, name, series, format = count) {
  const days = Object.entries(series);
  const box = document.createElement('div');
  box.append(barChart(title, days.map(([day, n], i) => ({ label: i % 7 === 0 ? day.slice(5) : '', value: n })),
    { formatY: format }));
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = t('admin.day-by-day');
  details.append(summary, dataTable(title, name, [
    { title: t('wallet.date'), value: ([day]) => day },
    { title: t('admin.value'), value: ([, n]) => n, show: ([, n]) => format(n) },
  ], days));
  box.append(details);
  return box;
}

function fairness(d) {
  const box = document.createElement('div');
  const gini = Object.entries(d.gini_per_day);
  box.append(lineChart(t('admin.gini-chart'), [{ name: 'gini', values: gini.map(([, g]) => g), className: 'series-main' }],
    { maxY: 1, formatY: (g) => g.toFixed(2), formatX: (i) => gini[i]?.[0].slice(5) ?? '' }));
  box.append(dataTable(t('admin.gini-table'), 'gini-per-day', [
    { title: t('wallet.date'), value: ([day]) => day },
    { title: 'Gini', value: ([, g]) => g, show: ([, g]) => g.toFixed(3) },
  ], gini));
  box.append(lorenzChart(d.lorenz));
  return box;
}

async function load() {
  const d = await api('GET', '/api/v1/admin/dashboard');
  $('facts').textContent = t('admin.facts', {
    processing: count(d.processing), failed: count(d.videos_by_status.failed ?? 0), ready: count(d.videos_by_status.ready ?? 0),
    media: bytes(d.storage.media_bytes), free: bytes(d.storage.disk_free_bytes), gini: d.gini.toFixed(3),
    channels: count(d.channels_shown),
  });
  $('uploads').append(perDay(t('admin.uploads'), 'uploads-per-day', d.uploads_per_day));
  $('active').append(perDay(t('admin.active'), 'active-users-per-day', d.active_users_per_day));
  $('fairness').append(fairness(d));
  $('load').append(lastHour(d, 'instance-last-hour'));
  $('forecast').textContent = forecastText(d.forecast_30m, d.forecast);
}

const account = await setUpPage();
if (!account) goSignIn();
else load().catch((e) => showError($('error'), e.message));
