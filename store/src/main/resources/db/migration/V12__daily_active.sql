-- Who did anything on each day (days since the epoch, UTC), for the instance dashboard's active users. Filled by
-- the statistics aggregator in the same transaction as the other totals.

create table daily_active (
    at_day  bigint      not null,
    user_id varchar(64) not null,
    primary key (at_day, user_id)
);
