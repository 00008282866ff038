-- The per-minute rows are read from a minute on (the last hour, the forecast's days, the dashboard) and forgotten
-- before one, across all videos.

create index video_minutes_at on video_minutes (at_minute);
