// Marks in the listings (feed, channel, related, my videos) that tell an audio clip from a video at a glance.
import { t } from './i18n.js';

/** The "Audio" badge for an audio clip's card or title. */
export function audioBadge() {
  const badge = document.createElement('span');
  badge.className = 'badge audio-badge';
  badge.textContent = t('badge.audio');
  return badge;
}
