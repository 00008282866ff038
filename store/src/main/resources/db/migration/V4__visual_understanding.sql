-- The visual step of media understanding: each sampled frame's findings and the video's mean image embedding
-- (JSON text), and the summary in columns of its own so that moderation can pick videos by NSFW score or faces
-- without reading JSON. All empty for audio and for analyses made before this step existed.

alter table video_analysis add column nsfw_max double precision;
alter table video_analysis add column nsfw_max_at double precision;
alter table video_analysis add column faces_found integer;
alter table video_analysis add column frames text;
alter table video_analysis add column image_embedding text;

-- Videos analysed before this step existed show it as done, with nothing seen, instead of waiting for ever;
-- analysing them again fills it in.
insert into analysis_steps (video_id, step, status, progress, error, updated_at)
select video_id, 'frames', 'done', 1, null, updated_at from video_analysis;
