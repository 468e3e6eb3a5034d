package seckill.sale;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import redis.clients.jedis.Jedis;

/**
 * The duplicate check of {@code kill_user} without writing to Redis (a replica, a read-only user, a full server):
 * the list is read once in chunks and its ids spread by hash over a few temporary files, then each file is checked
 * in memory on its own. The client holds one file's ids at a time, never the whole list, so ten million winners
 * fit a small heap; the files (about the list's size) are deleted at the end.
 */
final class DuplicateCount {
    /** Ids held in memory at once, at most (about, as hashes spread them). */
    static final int IDS_PER_PART = 250_000;
    private static final int CHUNK = 10_000;

    /** How many ids were repeated, and the id of the first repeat in list order ({@code null} when none). */
    record Repeats(long count, String first) {
    }

    private DuplicateCount() {
    }

    static Repeats of(Jedis jedis, String listKey, long length) {
        return of(jedis, listKey, length, IDS_PER_PART);
    }

    static Repeats of(Jedis jedis, String listKey, long length, int idsPerPart) {
        int parts = (int) Math.max(1, (length + idsPerPart - 1) / idsPerPart);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("seckill-audit-");
            spread(jedis, listKey, length, dir, parts);
            return repeats(dir, parts);
        } catch (IOException e) {
            throw new UncheckedIOException("the duplicate check's temporary files: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Reads the list in chunks, writing each id with its position in the list to the part its hash picks. */
    private static void spread(Jedis jedis, String listKey, long length, Path dir, int parts) throws IOException {
        DataOutputStream[] out = new DataOutputStream[parts];
        for (int p = 0; p < parts; p++) {
            out[p] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(dir.resolve(p + ".ids"))));
        }
        try {
            long position = 0;
            for (long from = 0; from < length; from += CHUNK) {
                List<String> ids = jedis.lrange(listKey, from, Math.min(length, from + CHUNK) - 1);
                for (String id : ids) {
                    DataOutputStream o = out[Math.floorMod(id.hashCode(), parts)];
                    o.writeLong(position++);
                    o.writeUTF(id);
                }
                if (ids.size() < CHUNK) {
                    break;
                }
            }
        } finally {
            for (DataOutputStream o : out) {
                o.close();
            }
        }
    }

    /** Counts the repeats part by part: a repeated id is in one part, and one part's ids fit in memory. */
    private static Repeats repeats(Path dir, int parts) throws IOException {
        long count = 0;
        long firstAt = Long.MAX_VALUE;
        String first = null;
        for (int p = 0; p < parts; p++) {
            Set<String> seen = new HashSet<>();
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                    Files.newInputStream(dir.resolve(p + ".ids"))))) {
                while (true) {
                    long at;
                    try {
                        at = in.readLong();
                    } catch (EOFException end) {
                        break;
                    }
                    String id = in.readUTF();
                    if (!seen.add(id)) {
                        count++;
                        if (at < firstAt) {
                            firstAt = at;
                            first = id;
                        }
                    }
                }
            }
        }
        return new Repeats(count, first);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary folder the system cleans up in time
        }
    }
}
