-- Creator statistics, pre-aggregated from the event stream. The aggregator adds each run of events to these
-- totals and moves stats_checkpoint to the last event's sequence in the same transaction. A channel's
-- statistics add up its videos' rows. Rows outlive a removed video, as its events do.

create table stats_checkpoint (
    id       int    primary key,
    sequence bigint not null
);
insert into stats_checkpoint (id, sequence) values (1, 0);

create table video_totals (
    video_id         varchar(16) primary key,
    channel_id       varchar(16) not null,
    duration_ms      bigint      not null,
    views            bigint      not null,
    unique_viewers   bigint      not null,
    impressions      bigint      not null,
    watch_ms         bigint      not null,
    completes        bigint      not null,
    likes            bigint      not null,
    comments         bigint      not null,
    shares           bigint      not null,
    followers_gained bigint      not null
);
create index video_totals_channel on video_totals (channel_id);

create table channel_totals (
    channel_id       varchar(16) primary key,
    unique_viewers   bigint      not null,
    followers_gained bigint      not null
);

-- who played what, so that a second play by the same viewer does not count as a new viewer
create table video_viewers (
    video_id varchar(16) not null,
    user_id  varchar(64) not null,
    primary key (video_id, user_id)
);
create table channel_viewers (
    channel_id varchar(16) not null,
    user_id    varchar(64) not null,
    primary key (channel_id, user_id)
);

create table video_surfaces (
    video_id    varchar(16) not null,
    surface     varchar(12) not null,
    impressions bigint      not null,
    views       bigint      not null,
    primary key (video_id, surface)
);

-- views by the viewer's country (kind 'country', code 'KR') or language (kind 'language', code 'ko')
create table video_audience (
    video_id varchar(16) not null,
    kind     varchar(8)  not null,
    code     varchar(8)  not null,
    views    bigint      not null,
    primary key (video_id, kind, code)
);

-- retention as a difference array: the views that reached second s are the sum of reach_change up to s
create table video_reach (
    video_id     varchar(16) not null,
    at_second    int         not null,
    reach_change bigint      not null,
    primary key (video_id, at_second)
);

-- impressions and views per minute since the epoch: the last hour, the forecast and the new-video guarantee
create table video_minutes (
    video_id    varchar(16) not null,
    at_minute   bigint      not null,
    impressions bigint      not null,
    views       bigint      not null,
    primary key (video_id, at_minute)
);
create index video_minutes_minute on video_minutes (at_minute);
