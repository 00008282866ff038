package org.pando.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.pando.learn.Interactions;

/**
 * Reads the datasets of the shared folder ({@code datasets/} under {@code --shared}).
 *
 * <ul>
 *   <li>{@code gowalla-lightgcn/{train,valid,test}.txt.gz}: lines {@code user item item ...}. Protocol: train on
 *   train ∪ valid, test on test, full ranking with train items excluded.</li>
 *   <li>{@code kuairec-sigformer/{train,valid,test}.txt.gz}: lines {@code user item label}; label ≥ 1 is a
 *   positive. Protocol: train on the positives of train ∪ valid, test on the positives of test.</li>
 * </ul>
 *
 * <p>{@link #loadTuning} is the same with train → valid, for choosing settings without the test split.
 */
public final class Datasets {
    private Datasets() {
    }

    /** The published protocol: train ∪ valid → test. */
    public static Dataset load(String name, Path shared) {
        return load(name, shared, Split.TEST);
    }

    /** For tuning: train → valid; the test split is not read. */
    public static Dataset loadTuning(String name, Path shared) {
        return load(name, shared, Split.VALID);
    }

    public static Dataset load(String name, Path shared, Split split) {
        return switch (name) {
            case "gowalla" -> gowalla(shared.resolve("datasets").resolve("gowalla-lightgcn"), split);
            case "kuairec" -> kuairec(shared.resolve("datasets").resolve("kuairec-sigformer"), split);
            default -> throw new IllegalArgumentException("Unknown dataset '" + name + "'; use gowalla or kuairec.");
        };
    }

    private record Triple(int user, int item, float label) {
    }

    /** What models learn from and what they are tested on: train ∪ valid → test, or train → valid to tune. */
    private record Splits(List<Triple> train, List<Triple> test) {
        static Splits read(Path dir, Split split, Function<Path, List<Triple>> reader) {
            List<Triple> train = new ArrayList<>(reader.apply(dir.resolve("train.txt.gz")));
            if (split == Split.VALID) {
                return new Splits(train, reader.apply(dir.resolve("valid.txt.gz")));
            }
            train.addAll(reader.apply(dir.resolve("valid.txt.gz")));
            return new Splits(train, reader.apply(dir.resolve("test.txt.gz")));
        }
    }

    static Dataset gowalla(Path dir, Split split) {
        Splits splits = Splits.read(dir, split, Datasets::adjacency);
        List<Triple> train = splits.train();
        List<Triple> test = splits.test();
        String protocol = split == Split.TEST
                ? "train ∪ valid → test, full ranking, train items excluded (LightGCN/BARS)"
                : "tuning: train → valid, full ranking, train items excluded";
        int users = maxUser(train, test) + 1;
        int items = maxItem(train, test) + 1;
        Interactions none = Interactions.builder(users, items).build();
        return new Dataset("gowalla", protocol, build(train, users, items, 0), build(test, users, items, 0), none, none, none);
    }

    static Dataset kuairec(Path dir, Split split) {
        Splits splits = Splits.read(dir, split, Datasets::labelled);
        List<Triple> train = splits.train();
        List<Triple> test = splits.test();
        String protocol = split == Split.TEST
                ? "positives (label ≥ 1) of train ∪ valid → test positives, full ranking, train items excluded"
                : "tuning: positives (label ≥ 1) of train → valid positives, full ranking, train items excluded";
        int users = maxUser(train, test) + 1;
        int items = maxItem(train, test) + 1;
        Interactions.Builder trainNegatives = Interactions.builder(users, items);
        Interactions.Builder negatives = Interactions.builder(users, items);
        Interactions.Builder testNegatives = Interactions.builder(users, items);
        train.stream().filter(t -> t.label() < 1).forEach(t -> {
            trainNegatives.add(t.user(), t.item(), 1f);
            negatives.add(t.user(), t.item(), 1f);
        });
        test.stream().filter(t -> t.label() < 1).forEach(t -> {
            negatives.add(t.user(), t.item(), 1f);
            testNegatives.add(t.user(), t.item(), 1f);
        });
        return new Dataset("kuairec", protocol, build(train, users, items, 1), build(test, users, items, 1),
                trainNegatives.build(), negatives.build(), testNegatives.build());
    }

    private static Interactions build(List<Triple> triples, int users, int items, float minLabel) {
        Interactions.Builder b = Interactions.builder(users, items);
        for (Triple t : triples) {
            if (t.label() >= minLabel) {
                b.add(t.user(), t.item(), 1f);
            }
        }
        return b.build();
    }

    private static List<Triple> adjacency(Path file) {
        List<Triple> triples = new ArrayList<>();
        for (String line : lines(file)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 2) {
                continue;
            }
            int user = Integer.parseInt(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                triples.add(new Triple(user, Integer.parseInt(parts[i]), 1f));
            }
        }
        return triples;
    }

    private static List<Triple> labelled(Path file) {
        List<Triple> triples = new ArrayList<>();
        for (String line : lines(file)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3) {
                triples.add(new Triple(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Float.parseFloat(parts[2])));
            }
        }
        return triples;
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Missing " + file.toAbsolutePath() + "; point --shared at the folder holding datasets/.");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int maxUser(List<Triple> a, List<Triple> b) {
        return Math.max(a.stream().mapToInt(Triple::user).max().orElse(0), b.stream().mapToInt(Triple::user).max().orElse(0));
    }

    private static int maxItem(List<Triple> a, List<Triple> b) {
        return Math.max(a.stream().mapToInt(Triple::item).max().orElse(0), b.stream().mapToInt(Triple::item).max().orElse(0));
    }
}
