// One video's statistics for its creator: summary, retention over the storyboard, traffic sources, audience,
// the last hour and the 30-minute forecast.
import { api, goSignIn } from './api.js';
import { setUpPage, showError } from './chrome.js';
import { lineChart } from './charts.js';
import { loadStoryboard } from './player.js';
import { dataTable } from './tables.js';
import { t } from './i18n.js';
import { audience, duration, forecastText, lastHour, percent, sources, summary } from './stats-view.js';

const id = location.pathname.split('/')[3];

function retention(stats) {
  const series = [{ name: 'video', values: stats.retention, className: 'series-main' }];
  if (stats.similar_median.length) series.push({ name: 'median', values: stats.similar_median, className: 'series-median' });
  document.getElementById('retention').append(lineChart(t('stats.retention-chart'), series,
    { maxY: 1, formatY: percent, formatX: (s) => duration(s * 1000) }));
  const rows = stats.retention.map((share, second) => ({ second, share, median: stats.similar_median[second] }));
  document.getElementById('retention-table').append(dataTable(t('stats.retention'), `retention-${id}`, [
    { title: t('stats.second'), value: (r) => r.second },
    { title: t('stats.still-watching'), value: (r) => r.share, show: (r) => percent(r.share) },
    { title: t('stats.similar-median'), value: (r) => r.median ?? '', show: (r) => (r.median === undefined ? '' : percent(r.median)) },
  ], rows));
}

/** Storyboard frames spread under the retention chart, so a drop can be matched with what was on screen. */
async function storyboard(video) {
  if (!video.storyboard) return;
  const cues = await loadStoryboard(video.storyboard).catch(() => []);
  const strip = document.getElementById('storyboard');
  const shown = cues.filter((_, i) => i % Math.max(1, Math.ceil(cues.length / 8)) === 0);
  shown.forEach((cue) => {
    const frame = document.createElement('div');
    frame.className = 'storyboard-frame';
    frame.style.backgroundImage = `url("${cue.url}")`;
    frame.style.backgroundPosition = `-${cue.x}px -${cue.y}px`;
    frame.style.width = `${cue.w}px`;
    frame.style.height = `${cue.h}px`;
    frame.title = duration(cue.start * 1000);
    strip.append(frame);
  });
}

async function load() {
  const [stats, video] = await Promise.all([
    api('GET', `/api/v1/studio/videos/${id}/stats`), api('GET', `/api/v1/videos/${id}`)]);
  document.getElementById('title').textContent = t('stats.title-of', { title: stats.title });
  document.title = t('stats.title-of', { title: stats.title });
  document.getElementById('summary').append(summary(stats, `summary-${id}`));
  retention(stats);
  document.getElementById('sources').append(sources(stats, `sources-${id}`));
  document.getElementById('audience').append(...audience(stats, `audience-${id}`));
  document.getElementById('realtime').append(lastHour(stats, `last-hour-${id}`));
  document.getElementById('forecast').textContent = forecastText(stats.forecast_30m, stats.forecast);
  await storyboard(video);
}

const account = await setUpPage();
if (!account) goSignIn();
else load().catch((e) => showError(document.getElementById('error'), e.message));
