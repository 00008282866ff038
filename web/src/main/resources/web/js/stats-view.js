// What the studio's pages share: number formats and the sections drawn from a statistics reply (summary,
// traffic sources, audience, the last hour), each a chart beside a table with its CSV export.
import { barChart, lineChart } from './charts.js';
import { dataTable } from './tables.js';
import { t } from './i18n.js';

export const count = (n) => new Intl.NumberFormat().format(n);
export const percent = (x) => new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(x);

/** Milliseconds as h:mm:ss or m:ss. */
export function duration(ms) {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const SUMMARY = [
  ['views', count], ['unique_viewers', count], ['watch_time_ms', duration], ['average_view_duration_ms', duration],
  ['completion_rate', percent], ['impressions', count], ['likes', count], ['comments', count], ['shares', count],
  ['followers_gained', count],
];

/** The totals as a two-column table: what, and how much. */
export function summary(stats, name) {
  const rows = SUMMARY.map(([key, format]) => ({ key, value: stats[key], shown: format(stats[key]) }));
  return dataTable(t('stats.summary'), name, [
    { title: t('stats.measure'), value: (r) => t(`stats.${r.key}`) },
    { title: t('stats.value'), value: (r) => r.value, show: (r) => r.shown },
  ], rows, { hideCaption: true });
}

/** Views per surface as bars, and impressions, views and play rate per surface as a table. */
export function sources(stats, name) {
  const box = document.createElement('div');
  box.append(barChart(t('stats.sources-chart'), stats.surfaces.map((s) => ({ label: t(`surface.${s.surface}`), value: s.views })),
    { formatY: count }));
  box.append(dataTable(t('stats.sources'), name, [
    { title: t('stats.surface'), value: (s) => t(`surface.${s.surface}`) },
    { title: t('stats.impressions'), value: (s) => s.impressions, show: (s) => count(s.impressions) },
    { title: t('stats.views'), value: (s) => s.views, show: (s) => count(s.views) },
    { title: t('stats.play_rate'), value: (s) => s.play_rate, show: (s) => percent(s.play_rate) },
  ], stats.surfaces, { hideCaption: true }));
  return box;
}

/** Views by country and by language. */
export function audience(stats, prefix) {
  const table = (key, title) => dataTable(title, `${prefix}-${key}`, [
    { title: t(`stats.${key}-code`), value: ([code]) => code },
    { title: t('stats.views'), value: ([, views]) => views, show: ([, views]) => count(views) },
  ], Object.entries(stats[key]));
  return [table('countries', t('stats.countries')), table('languages', t('stats.languages'))];
}

/** Views per minute of the last hour. */
export function lastHour(stats, name) {
  const box = document.createElement('div');
  const bars = stats.last_hour.map((views, i) => ({ label: i % 10 === 0 || i === 59 ? `-${59 - i}` : '', value: views }));
  box.append(barChart(t('stats.realtime-chart'), bars, { formatY: count }));
  const details = document.createElement('details');
  const summaryLine = document.createElement('summary');
  summaryLine.textContent = t('stats.realtime-table');
  details.append(summaryLine, dataTable(t('stats.realtime'), name, [
    { title: t('stats.minutes-ago'), value: (r) => r.ago },
    { title: t('stats.views'), value: (r) => r.views },
  ], stats.last_hour.map((views, i) => ({ ago: 59 - i, views }))));
  box.append(details);
  return box;
}

/** The Lorenz curve of [share of channels, share of impressions] points, against the diagonal of an even share. */
export function lorenzChart(points) {
  return lineChart(t('studio.lorenz-chart'), [
    { name: 'equality', values: points.map((p) => p[0]), className: 'series-median' },
    { name: 'lorenz', values: points.map((p) => p[1]), className: 'series-main' },
  ], { maxY: 1, formatY: percent, formatX: (i) => percent(points[i]?.[0] ?? 0) });
}

/** The 30-minute forecast in words: how many views, how it was made, and how wrong it has been. */
export function forecastText(views, forecast) {
  const error = forecast.mae === null ? t('stats.forecast-untested')
    : t('stats.forecast-error', {
      mae: forecast.mae.toFixed(1), baseline: forecast.persistence_mae.toFixed(1), held_out: count(forecast.held_out),
    });
  return `${t('stats.forecast', { views: count(Math.round(views)) })} ${t(`stats.model-${forecast.model}`)} ${error}`;
}
