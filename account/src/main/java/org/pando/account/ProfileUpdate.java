package org.pando.account;

import java.util.List;
import java.util.Optional;

/**
 * A change to a profile; an empty field is left as it is. A present but blank country clears it.
 *
 * @param country   new ISO 3166-1 alpha-2 country
 * @param languages new ISO 639-1 languages, by preference
 */
public record ProfileUpdate(Optional<String> country, Optional<List<String>> languages) {
}
