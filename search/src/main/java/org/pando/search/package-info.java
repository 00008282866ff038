/**
 * Search over published videos: their titles, descriptions, tags, channel names and what is said in them.
 *
 * <p>{@link org.pando.search.VideoSearch} keeps a Lucene index on disk, fed by a
 * {@link org.pando.search.SearchSource} (the store reads it from the database) and told of each change with
 * {@link org.pando.search.VideoSearch#changed(String)}. The index is only a copy: it is rebuilt from the source
 * when it is missing, of an older schema or out of step, and every hit and suggestion is checked against the
 * source's one rule of what may be found before it is returned, so a video that stopped being searchable is
 * never shown even before its update reaches the index.
 *
 * <p>Text is read twice: as written (lower-cased, accents folded, Chinese, Japanese and Korean cut into
 * overlapping pairs of characters) and with English stemming, so that "cooking" finds "cooked" while a
 * query in any script finds its own words. A title or tag word with a typo still matches, below exact
 * matches. A hit inside the captions reports the moment it is said.
 */
package org.pando.search;
