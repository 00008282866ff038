-- Visitors who made an account: what they watched before signing up (events kept under the visitor's id) counts
-- for the account from then on. A visitor id links to one account; an account may have been several visitors.

create table visitor_accounts (
    visitor_id varchar(64) primary key,
    account_id varchar(16) not null references accounts (id) on delete cascade,
    linked_at  bigint      not null
);
