package org.pando.catalog;

/**
 * A link a creator shows on their channel's page.
 *
 * @param label what the link says
 * @param url   where it goes: an {@code http} or {@code https} address
 */
public record ChannelLink(String label, String url) {
}
