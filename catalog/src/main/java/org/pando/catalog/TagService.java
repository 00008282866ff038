package org.pando.catalog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.pando.domain.InvalidInput;

/**
 * The tags creators give their videos: a few short topic words, written one way ({@code "#Street Food "} is
 * {@code "street food"}) so that the same topic is one tag across the instance.
 *
 * <pre>{@code
 * tags.replace(creator.id(), video.id(), List.of("Cooking", "#street food"));
 * }</pre>
 */
public final class TagService {
    /** Most tags one video may have. */
    public static final int MAX_TAGS = 10;
    /** Longest tag, in characters. */
    public static final int MAX_LENGTH = 32;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:[ -][\\p{L}\\p{M}\\p{N}]+)*");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final TagRepository repository;
    private final VideoService videos;
    private final Consumer<String> changed;

    /** @param changed told the id of each video whose tags changed (so that the feeds and search read them) */
    public TagService(TagRepository repository, VideoService videos, Consumer<String> changed) {
        this.repository = repository;
        this.videos = videos;
        this.changed = changed;
    }

    /** The video's tags. */
    public List<String> of(String videoId) {
        return repository.tags(videoId);
    }

    /**
     * Replaces the tags of a video the account owns.
     *
     * @return the tags as kept, written the instance's way and without duplicates
     * @throws NotAllowed   when the account does not own the video
     * @throws InvalidInput when there are too many tags or one is not a tag
     */
    public List<String> replace(String accountId, String videoId, List<String> tags) {
        Video video = videos.get(videoId);
        if (!videos.ownedBy(video, accountId)) {
            throw new NotAllowed("Only the video's creator can change its tags.");
        }
        Set<String> kept = new LinkedHashSet<>();
        for (String tag : tags) {
            kept.add(normalised(tag));
        }
        if (kept.size() > MAX_TAGS) {
            throw new InvalidInput("tags", "A video can have at most " + MAX_TAGS + " tags.");
        }
        List<String> result = List.copyOf(kept);
        repository.replace(videoId, result);
        changed.accept(videoId);
        return result;
    }

    /** The instance's tags, most used first. */
    public List<String> vocabulary(int limit) {
        return repository.vocabulary(limit);
    }

    /**
     * A tag written the instance's way: lower case, without a leading {@code #}, words joined by one space.
     *
     * @throws InvalidInput when it is empty, too long, or has characters other than letters, digits, spaces
     *                      and hyphens
     */
    public static String normalised(String tag) {
        String t = SPACES.matcher(tag.strip()).replaceAll(" ");
        if (t.startsWith("#")) {
            t = t.substring(1).strip();
        }
        t = t.toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.length() > MAX_LENGTH || !ALLOWED.matcher(t).matches()) {
            throw new InvalidInput("tags", "\"" + tag.strip() + "\" is not a tag: use 1 to " + MAX_LENGTH
                    + " letters or digits, words joined by spaces or hyphens.");
        }
        return t;
    }
}
