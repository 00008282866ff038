-- A channel's page: the creator's links (a JSON array of {"label", "url"}, at most five) and when its avatar and
-- banner were last replaced (null when it has none; the pictures themselves are files).

alter table channels add column links varchar(4000) default '[]' not null;
alter table channels add column avatar_at bigint;
alter table channels add column banner_at bigint;
