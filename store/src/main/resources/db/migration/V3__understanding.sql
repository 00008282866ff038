-- Media understanding: each video's analysis steps and what they found (lists as JSON text).

create table video_analysis (
    video_id        varchar(16)      primary key references videos (id) on delete cascade,
    language        varchar(8),
    loudness_lufs   double precision,
    normalised_lufs double precision,
    words           text             not null,
    captions        text             not null,
    captions_edited boolean          not null,
    pages           text             not null,
    notes           text             not null,
    updated_at      bigint           not null
);

create table analysis_steps (
    video_id   varchar(16)      not null references videos (id) on delete cascade,
    step       varchar(16)      not null,
    status     varchar(8)       not null,
    progress   double precision not null,
    error      varchar(1000),
    updated_at bigint           not null,
    primary key (video_id, step)
);
