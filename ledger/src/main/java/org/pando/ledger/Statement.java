package org.pando.ledger;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One wallet's month: the balance it opened with, every transaction with the balance after it, and the closing
 * balance, all in minor units.
 */
public record Statement(LedgerAccount account, YearMonth month, long openingMinor, List<Line> lines, long closingMinor) {
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\r\n]");
    private static final Pattern FORMULA = Pattern.compile("[=+\\-@]");

    /** One transaction of the month as the wallet saw it. */
    public record Line(LedgerTransaction transaction, long amountMinor, long balanceMinor) {
    }

    /** The statement of these transactions (oldest first) after an opening balance. */
    static Statement of(LedgerAccount account, YearMonth month, long openingMinor, List<LedgerTransaction> transactions) {
        long balance = openingMinor;
        List<Line> lines = new ArrayList<>();
        for (LedgerTransaction t : transactions) {
            long amount = t.amountFor(account);
            balance = Math.addExact(balance, amount);
            lines.add(new Line(t, amount, balance));
        }
        return new Statement(account, month, openingMinor, List.copyOf(lines), balance);
    }

    /**
     * The statement as CSV: a header, an opening line, a line per transaction (UTC time, id, kind, video, memo,
     * amount and balance in coins with two decimals), a closing line.
     */
    public String csv() {
        StringBuilder csv = new StringBuilder("date,transaction,kind,video,memo,amount_" + Coins.CODE + ",balance_" + Coins.CODE
                + "\r\n");
        csv.append(month.atDay(1)).append(",,opening,,,,").append(Coins.format(openingMinor)).append("\r\n");
        for (Line line : lines) {
            LedgerTransaction t = line.transaction();
            csv.append(t.at()).append(',').append(t.id()).append(',').append(t.kind().wireName()).append(',')
                    .append(t.videoId().orElse("")).append(',').append(cell(t.memo())).append(',')
                    .append(Coins.format(line.amountMinor())).append(',').append(Coins.format(line.balanceMinor())).append("\r\n");
        }
        csv.append(month.atEndOfMonth()).append(",,closing,,,,").append(Coins.format(closingMinor)).append("\r\n");
        return csv.toString();
    }

    /**
     * A text cell: quoted when it holds a comma, a quote or a line break, and led by an apostrophe when a
     * spreadsheet would take it for a formula.
     */
    private static String cell(String text) {
        String safe = FORMULA.matcher(text).lookingAt() ? "'" + text : text;
        return NEEDS_QUOTES.matcher(safe).find() ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    /** Tips the wallet received in the month, in minor units: a creator's earnings. */
    public long tipsReceivedMinor() {
        return Earnings.of(account, month, lines.stream().map(Line::transaction).toList()).amountMinor();
    }
}
