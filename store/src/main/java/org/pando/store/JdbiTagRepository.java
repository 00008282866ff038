package org.pando.store;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.pando.catalog.TagRepository;

/** Videos' tags in {@code video_tags}, in the order the creator gave them. */
public final class JdbiTagRepository implements TagRepository {
    private final Jdbi jdbi;

    public JdbiTagRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<String> tags(String videoId) {
        return jdbi.withHandle(h -> h.createQuery("select tag from video_tags where video_id = :video order by position")
                .bind("video", videoId).mapTo(String.class).list());
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
