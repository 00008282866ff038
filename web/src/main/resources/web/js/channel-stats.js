// A channel's statistics in the studio: its videos added up and one by one, traffic sources, audience, the last
// hour, and its exposure against the instance's fairness policy.
import { api } from './api.js';
import { dataTable } from './tables.js';
import { t } from './i18n.js';
import { audience, count, duration, lastHour, lorenzChart, percent, sources, summary } from './stats-view.js';

function section(title, ...children) {
  const box = document.createElement('section');
  box.className = 'stats-section';
  const heading = document.createElement('h3');
  heading.textContent = title;
  box.append(heading, ...children);
  return box;
}

function videos(stats) {
  const link = (v) => {
    const a = document.createElement('a');
    a.href = `/studio/videos/${v.id}`;
    a.textContent = v.title || v.id;
    return a;
  };
  return dataTable(t('studio.videos-table'), `videos-${stats.handle}`, [
    { title: t('stats.video'), value: (v) => v.title, show: link },
    { title: t('stats.views'), value: (v) => v.views, show: (v) => count(v.views) },
    { title: t('stats.unique_viewers'), value: (v) => v.unique_viewers, show: (v) => count(v.unique_viewers) },
    { title: t('stats.watch_time_ms'), value: (v) => v.watch_time_ms, show: (v) => duration(v.watch_time_ms) },
    { title: t('stats.average_view_duration_ms'), value: (v) => v.average_view_duration_ms, show: (v) => duration(v.average_view_duration_ms) },
    { title: t('stats.completion_rate'), value: (v) => v.completion_rate, show: (v) => percent(v.completion_rate) },
    { title: t('stats.impressions'), value: (v) => v.impressions, show: (v) => count(v.impressions) },
    { title: t('stats.likes'), value: (v) => v.likes, show: (v) => count(v.likes) },
    { title: t('stats.comments'), value: (v) => v.comments, show: (v) => count(v.comments) },
    { title: t('stats.shares'), value: (v) => v.shares, show: (v) => count(v.shares) },
  ], stats.videos, { hideCaption: true });
}

function exposure(stats) {
  const e = stats.exposure;
  const facts = document.createElement('p');
  facts.className = 'notice';
  facts.textContent = t('studio.exposure-facts', {
    impressions: count(e.for_you_impressions), share: percent(e.for_you_share), channels: count(e.channels),
    gini: e.gini.toFixed(3), below: percent(e.standing[0]),
  });
  const curve = lorenzChart(e.lorenz);
  const guarantees = dataTable(t('studio.guarantee'), `guarantee-${stats.handle}`, [
    { title: t('stats.video'), value: (g) => g.title || g.id },
    { title: t('studio.published'), value: (g) => g.published_at, show: (g) => new Date(g.published_at).toLocaleString() },
    { title: t('studio.first-impressions', { minutes: e.new_videos[0]?.window_minutes ?? '' }), value: (g) => g.impressions },
    { title: t('studio.promised'), value: (g) => g.promised },
    { title: t('studio.delivery'), value: (g) => g.delivery, show: (g) => t(`studio.delivery-${g.delivery}`) },
  ], e.new_videos);
  return section(t('studio.exposure'), facts, curve, guarantees);
}

/** Draws the channel's statistics into the container. */
export async function showChannel(container, handle) {
  const stats = await api('GET', `/api/v1/studio/channels/${encodeURIComponent(handle)}/stats`);
  const columns = document.createElement('div');
  columns.className = 'two-columns';
  columns.append(...audience(stats, `audience-${handle}`));
  container.replaceChildren(
    summary(stats, `summary-${handle}`),
    section(t('studio.videos-table'), videos(stats)),
    section(t('stats.sources'), sources(stats, `sources-${handle}`)),
    section(t('stats.audience'), columns),
    section(t('stats.realtime'), lastHour(stats, `last-hour-${handle}`)),
    exposure(stats));
}
