-- The tags creators give their videos, and what the analysis found a video's words to be about: the language
-- its title and description are written in, one sentence embedding of title, description and transcript
-- (JSON text of 384 numbers), and the tags it suggests (JSON text).

create table video_tags (
    video_id varchar(16) not null references videos (id) on delete cascade,
    tag      varchar(32) not null,
    position integer     not null,
    primary key (video_id, tag)
);
create index video_tags_tag on video_tags (tag);

alter table video_analysis add column written_language varchar(8);
alter table video_analysis add column text_embedding text;
alter table video_analysis add column suggested_tags text;

-- Videos analysed before this step existed show it as done, with nothing found; analysing them again fills it in.
insert into analysis_steps (video_id, step, status, progress, error, updated_at)
select video_id, 'topics', 'done', 1, null, updated_at from video_analysis;
