package org.pando.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * A channel's studio numbers computed on each read by SQL over the event log, as a platform without
 * pre-aggregated statistics would: the anchor of {@code pando bench studio}, never used to serve a page. Per video views, unique viewers, impressions and completions;
 * views and impressions per surface; views per country; views per minute of the last hour; impressions per
 * channel for the Lorenz curve. Watch time and retention, which need each view's furthest position, are left out.
 */
public final class EventLogScan {
    private final Jdbi jdbi;
    private final String channel;
    private final long hourAgo;

    public EventLogScan(Jdbi jdbi, String channel, Instant now) {
        this.jdbi = jdbi;
        this.channel = channel;
        this.hourAgo = now.minusSeconds(3600).toEpochMilli();
    }

    /** How many events the log holds. */
    public long events() {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from events").mapTo(Long.class).one());
    }

    /** Runs every query of the page and returns the channel's views. */
    public long run() {
        return jdbi.withHandle(h -> {
            List<Long> perVideo = h.createQuery("""
                            select video_id, sum(case when type = 'play' then 1 else 0 end) as views,
                                   count(distinct case when type = 'play' then user_id end) as viewers,
                                   sum(case when type = 'impression' then 1 else 0 end) as impressions,
                                   sum(case when type = 'complete' then 1 else 0 end) as completes
                            from events where creator_id = :c group by video_id""")
                    .bind("c", channel).map((rs, ctx) -> rs.getLong("views")).list();
            h.createQuery("select count(distinct user_id) from events where creator_id = :c and type = 'play'")
                    .bind("c", channel).mapTo(Long.class).one();
            h.createQuery("""
                            select surface, sum(case when type = 'play' then 1 else 0 end) as views,
                                   sum(case when type = 'impression' then 1 else 0 end) as impressions
                            from events where creator_id = :c group by surface""")
                    .bind("c", channel).mapToMap().list();
            h.createQuery("select country, count(*) as views from events where creator_id = :c and type = 'play' group by country")
                    .bind("c", channel).mapToMap().list();
            h.createQuery("""
                            select occurred_at / 60000 as at_minute, count(*) as views from events
                            where creator_id = :c and type = 'play' and occurred_at >= :from group by occurred_at / 60000""")
                    .bind("c", channel).bind("from", hourAgo).mapToMap().list();
            h.createQuery("select creator_id, count(*) as impressions from events where type = 'impression' group by creator_id")
                    .mapToMap().list();
            return perVideo.stream().mapToLong(Long::longValue).sum();
        });
    }
}
