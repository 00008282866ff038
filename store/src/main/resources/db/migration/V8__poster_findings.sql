-- What a video's poster shows, looked at on its own besides the sampled frames (JSON text: NSFW score, faces,
-- person coverage). Empty for audio, for files without a poster and for analyses made before the poster was
-- looked at; analysing the video again fills it in. The summary nsfw_max counts the poster, and nsfw_max_at is
-- empty when the poster is the picture with the highest score.

alter table video_analysis add column poster text;
