package org.pando.recommend;

import java.time.Instant;
import java.util.List;

/** The catalog as the engine reads it: only published, ready videos. Implemented by the store module. */
public interface CandidateSource {
    /** The newest videos published before {@code before}, newest first. */
    List<Candidate> recent(Instant before, int limit);

    /** The newest videos from these creators published before {@code before} (ties broken by id), newest first. */
    List<Candidate> fromCreators(List<String> creatorIds, Instant before, String beforeId, int limit);

    /** The channels the account follows. */
    List<String> followedCreators(String accountId);
}
