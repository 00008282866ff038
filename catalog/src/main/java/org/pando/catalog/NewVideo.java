package org.pando.catalog;

import java.util.Optional;

/**
 * What a finished upload brings to the catalog.
 *
 * @param channelHandle channel to publish in; empty means the uploader's default channel
 * @param title         title, 1 to 200 characters
 * @param description   description, up to 5000 characters
 */
public record NewVideo(Optional<String> channelHandle, String title, String description) {
}
