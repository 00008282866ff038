-- The statistics' checkpoint becomes a position in every partition of the event log (LogPosition's text: the
-- place of the last event added in each partition, comma-separated); a log of one partition reads as before.
alter table stats_checkpoint add column log_position varchar(4000) default '0' not null;
update stats_checkpoint set log_position = cast(sequence as varchar(20));
alter table stats_checkpoint drop column sequence;
