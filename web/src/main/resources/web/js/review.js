// Why a video waits for a moderator, told the same way on the watch page and in the creator's list.
import { t } from './i18n.js';

const tenths = (s) => String(Math.round(s * 10) / 10);

/** The reason for a hold: the picture (a moment, or the poster) whose score held it, or that nobody could check. */
export function holdReason(hold) {
  if (hold?.cause !== 'nsfw-score') return t('review.held.not-checked');
  const scores = { score: hold.score.toFixed(2), threshold: hold.threshold.toFixed(2) };
  return hold.poster ? t('review.held.poster', scores) : t('review.held', { at: tenths(hold.at), ...scores });
}
