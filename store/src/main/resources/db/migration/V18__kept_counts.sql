-- How many likes and comments each video has, and how many followers each channel has, kept in its row and changed
-- with each like, comment and follow in the same transaction, so that reading a video or a channel does not count
-- them again: a popular video's likes run to millions, and a feed reads twenty videos at a time.
alter table videos add column like_count bigint default 0 not null;
alter table videos add column comment_count bigint default 0 not null;
alter table channels add column follower_count bigint default 0 not null;
update videos set like_count = (select count(*) from likes l where l.video_id = videos.id),
                  comment_count = (select count(*) from comments c where c.video_id = videos.id);
update channels set follower_count = (select count(*) from follows f where f.channel_id = channels.id);
