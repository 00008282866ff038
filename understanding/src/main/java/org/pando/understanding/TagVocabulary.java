package org.pando.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The tags suggestions are chosen from: those the instance's creators use, and a starter list. */
@FunctionalInterface
public interface TagVocabulary {
    /** Every tag that may be suggested, lower-case, without duplicates. */
    List<String> tags();

    /** Broad topics of everyday videos, for an instance whose creators have not tagged anything yet. */
    static List<String> starterTags() {
        try (InputStream in = TagVocabulary.class.getResourceAsStream("/tags/starter.txt")) {
            if (in == null) {
                throw new IllegalStateException("The starter tags /tags/starter.txt are not in Pando's build");
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return lines.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).distinct().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The starter tags could not be read", e);
        }
    }

    /** The instance's tags, as {@code instanceTags} gives them at each analysis, followed by the starter tags. */
    static TagVocabulary withStarter(Supplier<List<String>> instanceTags) {
        List<String> starter = starterTags();
        return () -> {
            Set<String> all = new LinkedHashSet<>(instanceTags.get());
            all.addAll(starter);
            return List.copyOf(all);
        };
    }

    /** The starter tags alone, for analyses made without an instance. */
    static TagVocabulary starter() {
        List<String> tags = starterTags();
        return () -> tags;
    }
}
