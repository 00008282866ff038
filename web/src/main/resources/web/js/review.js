// Why a video waits for a moderator, told the same way on the watch page, in the creator's list and in the
// review queue.
import { t } from './i18n.js';

const tenths = (s) => String(Math.round(s * 10) / 10);

/**
 * The reason for a hold: the picture (a moment, or the poster) whose score held it, or that nobody could check.
 * Creators read the `review.held…` strings; moderators the shorter `moderation.held…` ones.
 */
export function holdReason(hold, strings = 'review') {
  if (hold?.cause !== 'nsfw-score') return t(`${strings}.held.not-checked`);
  const scores = { score: hold.score.toFixed(2), threshold: hold.threshold.toFixed(2) };
  return hold.poster ? t(`${strings}.held.poster`, scores) : t(`${strings}.held`, { at: tenths(hold.at), ...scores });
}
