package org.pando.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.pando.domain.FileTrees;

/**
 * Blobs as files below one folder on local disk, each at its key's path: the embedded default. Files given to it
 * are moved in, atomically where the disk allows, so a reader never sees half a file.
 */
public final class DiskBlobStore implements BlobStore {
    private final Path root;

    public DiskBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Where a key's file is. */
    public Path file(String key) {
        return root.resolve(BlobKeys.check(key));
    }

    @Override
    public void put(String key, Path file) {
        Path target = file(key);
        try {
            if (Files.isSameFile(file, target)) {
                return;
            }
        } catch (NoSuchFileException e) {
            // no file there yet
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        move(file, target);
    }

    @Override
    public void putTree(String prefix, Path folder) {
        Path target = file(prefix);
        if (folder.toAbsolutePath().normalize().equals(target)) {
            return;
        }
        for (Path file : filesBelow(folder)) {
            move(file, target.resolve(folder.relativize(file).toString()));
        }
    }

    @Override
    public Path writable(String prefix, Path scratch) {
        return file(prefix);
    }

    @Override
    public Optional<Path> readable(String key, Path scratch) {
        Path file = file(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public Optional<BlobSlice> read(String key, ByteRange range) {
        Path file = file(key);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            long total = Files.size(file);
            long first = range.firstOf(total);
            long length = range.lengthOf(total);
            InputStream in = Files.newInputStream(file);
            try {
                in.skipNBytes(first);
            } catch (IOException | RuntimeException e) {
                in.close();
                throw e;
            }
            return Optional.of(new BlobSlice(new BoundedStream(in, length), first, length, total));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<BlobInfo> list(String prefix) {
        Path folder = file(prefix);
        List<BlobInfo> found = new ArrayList<>();
        for (Path file : filesBelow(folder)) {
            found.add(new BlobInfo(root.relativize(file).toString().replace('\\', '/'), file.toFile().length()));
        }
        found.sort(Comparator.comparing(BlobInfo::key));
        return found;
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void deleteTree(String prefix) {
        FileTrees.deleteQuietly(file(prefix));
    }

    @Override
    public boolean keepsWhileWriting() {
        return true;
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(file(key));
    }

    private static List<Path> filesBelow(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path file, Path target) {
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Path partial = target.resolveSibling(target.getFileName() + ".partial");
                Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep " + target, e);
        }
    }
}
