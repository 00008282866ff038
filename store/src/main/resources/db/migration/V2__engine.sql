-- The recommendation engine: "not interested" events, logged propensities, each account's feed controls.

alter table events alter column type set data type varchar(16);
alter table events add column propensity double precision;

create table feed_preferences (
    account_id varchar(16)   primary key references accounts (id) on delete cascade,
    strategy   varchar(16)   not null,
    weights    varchar(1000) not null,
    updated_at bigint        not null
);
