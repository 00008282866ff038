package org.pando.ledger;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tips a wallet received in a month, per video, the video that earned most first (then by id).
 *
 * @param month   the month (UTC)
 * @param byVideo how many tips each video brought and how much, in minor units
 */
public record Earnings(YearMonth month, List<VideoTips> byVideo) {

    /** Tips received for one video: how many, and how much in minor units. */
    public record VideoTips(String videoId, int tips, long amountMinor) {
    }

    public Earnings {
        byVideo = List.copyOf(byVideo);
    }

    /** The tips among these transactions of a month that the account received. */
    static Earnings of(LedgerAccount account, YearMonth month, List<LedgerTransaction> transactions) {
        Map<String, VideoTips> byVideo = new HashMap<>();
        for (LedgerTransaction t : transactions) {
            long amount = t.amountFor(account);
            if (t.kind() == TransactionKind.TIP && amount > 0) {
                String video = t.videoId().orElse("");
                byVideo.merge(video, new VideoTips(video, 1, amount),
                        (a, b) -> new VideoTips(video, a.tips() + b.tips(), Math.addExact(a.amountMinor(), b.amountMinor())));
            }
        }
        return new Earnings(month, byVideo.values().stream()
                .sorted(Comparator.comparingLong(VideoTips::amountMinor).reversed().thenComparing(VideoTips::videoId))
                .toList());
    }

    /** How many tips were received. */
    public int tips() {
        return byVideo.stream().mapToInt(VideoTips::tips).sum();
    }

    /** How much the tips brought, in minor units. */
    public long amountMinor() {
        return byVideo.stream().mapToLong(VideoTips::amountMinor).reduce(0, Math::addExact);
    }
}
