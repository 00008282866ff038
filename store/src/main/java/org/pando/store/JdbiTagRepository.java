package org.pando.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.pando.catalog.TagRepository;

/** Videos' tags in {@code video_tags}, in the order the creator gave them. */
public final class JdbiTagRepository implements TagRepository {
    /** Most video ids one query asks the tags of. */
    private static final int VIDEOS_PER_QUERY = 500;

    private final Jdbi jdbi;

    public JdbiTagRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<String> tags(String videoId) {
        return jdbi.withHandle(h -> h.createQuery("select tag from video_tags where video_id = :video order by position")
                .bind("video", videoId).mapTo(String.class).list());
    }

    /** The tags of each of the videos that has any, in order, read on {@code h} in a query per 500 videos. */
    static Map<String, List<String>> tagsOf(Handle h, List<String> videoIds) {
        Map<String, List<String>> tags = new HashMap<>();
        for (int from = 0; from < videoIds.size(); from += VIDEOS_PER_QUERY) {
            h.createQuery("select video_id, tag from video_tags where video_id in (<ids>) order by video_id, position")
                    .bindList("ids", videoIds.subList(from, Math.min(videoIds.size(), from + VIDEOS_PER_QUERY)))
                    .map((rs, ctx) -> tags.computeIfAbsent(rs.getString("video_id"), k -> new ArrayList<>()).add(rs.getString("tag")))
                    .list();
        }
        return tags;
    }

    @Override
    public void replace(String videoId, List<String> tags) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from video_tags where video_id = :video").bind("video", videoId).execute();
            if (tags.isEmpty()) {
                return;
            }
            PreparedBatch batch = h.prepareBatch("insert into video_tags (video_id, tag, position) values (:video, :tag, :position)");
            for (int i = 0; i < tags.size(); i++) {
                batch.bind("video", videoId).bind("tag", tags.get(i)).bind("position", i).add();
            }
            batch.execute();
        });
    }

    @Override
    public List<String> vocabulary(int limit) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select tag from video_tags group by tag order by count(*) desc, tag fetch first :limit rows only")
                .bind("limit", limit).mapTo(String.class).list());
    }
}
