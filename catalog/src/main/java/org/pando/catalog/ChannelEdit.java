package org.pando.catalog;

import java.util.List;
import java.util.Optional;

/**
 * What a creator changes of their channel's page; an empty field is left as it is.
 *
 * @param displayName the name shown to viewers
 * @param description what the channel is about
 * @param links       the links, replacing all the channel had
 */
public record ChannelEdit(Optional<String> displayName, Optional<String> description, Optional<List<ChannelLink>> links) {
}
