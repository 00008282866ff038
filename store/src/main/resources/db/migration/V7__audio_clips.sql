-- Audio clips: an upload with sound and no picture is published as an audio clip (kind 'audio') rather than
-- refused. Every upload known before this became a video.

alter table videos add column kind varchar(8) default 'video' not null;
