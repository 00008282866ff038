-- Which process noted each change, so that a process skips its own notes, which it applied when it made them.
alter table search_changes add column noted_by varchar(64);
