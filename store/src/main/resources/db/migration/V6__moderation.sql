-- Moderation: each account's role, whether others may see a video, the review cases (at most one open per video
-- or comment) and the reports that join them.

alter table accounts add column role varchar(12) default 'member' not null;

-- Videos that exist before this migration stay visible; those whose analysis has not looked at the pictures yet
-- are still checked when it does.
alter table videos add column publication varchar(12) default 'published' not null;
create index videos_public on videos (status, publication, created_at, id);

create table review_cases (
    id             varchar(16)      primary key,
    target_kind    varchar(8)       not null,
    target_id      varchar(16)      not null,
    video_id       varchar(16)      not null references videos (id) on delete cascade,
    opened_at      bigint           not null,
    -- '<kind>:<target>' while open, null once decided: a unique key that allows one open case per target
    open_key       varchar(32),
    hold_cause     varchar(16),
    hold_at        double precision,
    hold_score     double precision,
    hold_person    boolean,
    hold_threshold double precision,
    verdict        varchar(8),
    note           varchar(1000),
    moderator_id   varchar(16)      references accounts (id) on delete set null,
    decided_at     bigint,
    constraint review_cases_open_key unique (open_key)
);
create index review_cases_queue on review_cases (decided_at, opened_at, id);
create index review_cases_target on review_cases (target_kind, target_id, decided_at);

create table reports (
    id          varchar(16)   primary key,
    case_id     varchar(16)   not null references review_cases (id) on delete cascade,
    reporter_id varchar(16)   not null references accounts (id) on delete cascade,
    reason      varchar(16)   not null,
    details     varchar(1000) not null,
    created_at  bigint        not null,
    -- '<reporter>:<case>' while the case is open, null once decided: one open report per person and target
    open_key    varchar(40),
    constraint reports_open_key unique (open_key)
);
create index reports_case on reports (case_id, created_at);
create index reports_reporter on reports (reporter_id, created_at);
