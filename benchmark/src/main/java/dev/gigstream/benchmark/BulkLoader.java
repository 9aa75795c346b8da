package dev.gigstream.benchmark;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the event store without the API: copies of the rows the app itself wrote for one party's
 * whole story (a client and a worker signing up, a job posted, applied to, hired, paid, worked,
 * confirmed and paid out, with everything the app stored on the way), each copy with fresh UUIDs
 * everywhere (aggregate and event ids, and every id inside payloads and metadata), its own
 * timestamps, and the column values exactly as the app wrote them, streamed with COPY (binary) in
 * batches.
 * <p>
 * The copies get negative global indexes, below every event the app stored: tracking processors,
 * whose tokens are already past position 0, never read them again, just as a live system's
 * processors never re-read its old events; aggregates load them by identifier as usual. (A replay,
 * or a restart with in-memory read models, would process them all.)
 */
final class BulkLoader {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final byte[] COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final String COPY = "COPY domain_event_entry (global_index, event_identifier, aggregate_identifier,"
            + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)"
            + " FROM STDIN WITH (FORMAT binary)";
    private static final Duration COPY_SPACING = Duration.ofSeconds(30);
    /** How Axon writes time_stamp: UTC, always milliseconds. */
    private static final DateTimeFormatter AXON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** A column of a template row: literal bytes with the positions of the UUIDs to replace in each copy. */
    private record Text(byte[][] literals, int[] uuids) {

        static Text of(byte[] value, Map<String, Integer> uuidNumbers) {
            if (value == null) {
                return null;
            }
            String text = new String(value, StandardCharsets.UTF_8);
            Matcher uuid = UUID_TEXT.matcher(text);
            List<byte[]> literals = new ArrayList<>();
            List<Integer> numbers = new ArrayList<>();
            int from = 0;
            while (uuid.find()) {
                literals.add(text.substring(from, uuid.start()).getBytes(StandardCharsets.UTF_8));
                numbers.add(uuidNumbers.computeIfAbsent(uuid.group().toLowerCase(), u -> uuidNumbers.size()));
                from = uuid.end();
            }
            literals.add(text.substring(from).getBytes(StandardCharsets.UTF_8));
            return new Text(literals.toArray(byte[][]::new), numbers.stream().mapToInt(Integer::intValue).toArray());
        }

        void write(ByteArrayOutputStream out, byte[][] copyUuids) {
            for (int i = 0; i < uuids.length; i++) {
                out.writeBytes(literals[i]);
                out.writeBytes(copyUuids[uuids[i]]);
            }
            out.writeBytes(literals[uuids.length]);
        }
    }

    private record Row(Text eventId, Text aggregateId, long sequence, byte[] type, Instant timestamp, byte[] payloadType,
                       byte[] payloadRevision, Text payload, Text metaData) {
    }

    /** The rows of one party's story, ready to copy. */
    static final class Template {

        private final List<Row> rows;
        private final int uuidCount;
        private final Map<String, Integer> eventTypes;
        private final long bytes;

        private Template(List<Row> rows, int uuidCount, Map<String, Integer> eventTypes, long bytes) {
            this.rows = rows;
            this.uuidCount = uuidCount;
            this.eventTypes = eventTypes;
            this.bytes = bytes;
        }

        int size() {
            return rows.size();
        }

        long payloadAndMetaBytes() {
            return bytes;
        }

        /** Event type (payload class simple name) → count. */
        Map<String, Integer> eventTypes() {
            return eventTypes;
        }
    }

    /**
     * The rows stored after {@code afterIndex}, of aggregates whose streams begin there (and events of
     * no aggregate): a complete story whose copies load as aggregates of their own.
     */
    static Template template(Connection connection, long afterIndex) throws SQLException {
        Map<String, Long> firstSequence = new LinkedHashMap<>();
        List<Object[]> raw = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT event_identifier, aggregate_identifier,"
                + " sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data"
                + " FROM domain_event_entry WHERE global_index > ? ORDER BY global_index")) {
            select.setLong(1, afterIndex);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    raw.add(new Object[] {result.getString(1), result.getString(2), result.getLong(3), result.getString(4),
                            result.getString(5), result.getString(6), result.getString(7), result.getBytes(8), result.getBytes(9)});
                    firstSequence.merge(result.getString(2), result.getLong(3), Math::min);
                }
            }
        }
        Map<String, Integer> uuidNumbers = new LinkedHashMap<>();
        Map<String, Integer> types = new TreeMap<>();
        List<Row> rows = new ArrayList<>();
        long bytes = 0;
        for (Object[] r : raw) {
            if (firstSequence.get((String) r[1]) != 0) {
                continue; // an aggregate begun before the story: its copies would have no beginning
            }
            String payloadType = (String) r[5];
            types.merge(payloadType.substring(payloadType.lastIndexOf('.') + 1), 1, Integer::sum);
            bytes += ((byte[]) r[7]).length + (r[8] == null ? 0 : ((byte[]) r[8]).length);
            rows.add(new Row(Text.of(utf8((String) r[0]), uuidNumbers), Text.of(utf8((String) r[1]), uuidNumbers),
                    (Long) r[2], utf8((String) r[3]), Instant.parse((String) r[4]), utf8(payloadType), utf8((String) r[6]),
                    Text.of((byte[]) r[7], uuidNumbers), Text.of((byte[]) r[8], uuidNumbers)));
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("No events after " + afterIndex + " to copy");
        }
        return new Template(rows, uuidNumbers.size(), types, bytes);
    }

    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    /** Rows written and how long it took. */
    record Loaded(long events, double seconds) {

        double perSecond() {
            return events / seconds;
        }
    }

    /**
     * Writes at least {@code events} rows (whole copies of the template) with {@code threads} connections,
     * in COPY batches of about 50,000 rows each.
     */
    static Loaded load(ConnectionSource connections, Template template, long events, int threads)
            throws InterruptedException {
        int size = template.size();
        long copies = (events + size - 1) / size;
        long total = copies * size;
        long firstIndex = -total;
        int copiesPerBatch = Math.max(1, 50_000 / size);
        AtomicLong nextCopy = new AtomicLong();
        AtomicLong written = new AtomicLong();
        AtomicLong reported = new AtomicLong();
        Instant newest = template.rows.get(size - 1).timestamp();
        long started = System.nanoTime();
        Parallel.run(threads, threads, thread -> {
            try (Connection connection = connections.open()) {
                connection.setAutoCommit(true);
                var copyApi = connection.unwrap(PGConnection.class).getCopyAPI();
                while (true) {
                    long from = nextCopy.getAndAdd(copiesPerBatch);
                    if (from >= copies) {
                        return;
                    }
                    long to = Math.min(copies, from + copiesPerBatch);
                    CopyIn copy = copyApi.copyIn(COPY);
                    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
                    out.writeBytes(COPY_HEADER);
                    for (long c = from; c < to; c++) {
                        Duration back = COPY_SPACING.multipliedBy(copies - c);
                        writeCopy(out, template, firstIndex + c * size, newest, back);
                        if (out.size() > (1 << 20)) {
                            copy.writeToCopy(out.toByteArray(), 0, out.size());
                            out.reset();
                        }
                    }
                    out.write(0xFF);
                    out.write(0xFF);
                    copy.writeToCopy(out.toByteArray(), 0, out.size());
                    copy.endCopy();
                    long done = written.addAndGet((to - from) * size);
                    long tenth = done * 10 / total;
                    if (tenth > reported.get() && reported.compareAndSet(reported.get(), tenth)) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        System.out.printf("  %,d of %,d events in %.0f s (%,.0f events/s)%n", done, total, seconds,
                                done / seconds);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Bulk load failed: " + e.getMessage(), e);
            }
        });
        return new Loaded(written.get(), (System.nanoTime() - started) / 1e9);
    }

    /** One copy of the story: fresh UUIDs, global indexes from {@code firstIndex}, times moved back by {@code back}. */
    private static void writeCopy(ByteArrayOutputStream out, Template template, long firstIndex, Instant newest,
                                  Duration back) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[][] uuids = new byte[template.uuidCount][];
        for (int i = 0; i < uuids.length; i++) {
            long most = (random.nextLong() & ~0xF000L) | 0x4000L;
            long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            uuids[i] = new UUID(most, least).toString().getBytes(StandardCharsets.US_ASCII);
        }
        ByteArrayOutputStream field = new ByteArrayOutputStream(2048);
        long index = firstIndex;
        for (Row row : template.rows) {
            short fields = 10;
            out.write(fields >> 8);
            out.write(fields);
            writeLong(out, index++);
            writeText(out, field, row.eventId(), uuids);
            writeText(out, field, row.aggregateId(), uuids);
            writeLong(out, row.sequence());
            writeBytes(out, row.type());
            writeBytes(out, AXON_TIME.format(row.timestamp().minus(back)).getBytes(StandardCharsets.US_ASCII));
            writeBytes(out, row.payloadType());
            writeBytes(out, row.payloadRevision());
            writeText(out, field, row.payload(), uuids);
            writeText(out, field, row.metaData(), uuids);
        }
    }

    private static void writeText(ByteArrayOutputStream out, ByteArrayOutputStream field, Text text, byte[][] uuids) {
        if (text == null) {
            writeBytes(out, null);
            return;
        }
        field.reset();
        text.write(field, uuids);
        writeInt(out, field.size());
        out.write(field.toByteArray(), 0, field.size());
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] value) {
        if (value == null) {
            writeInt(out, -1);
        } else {
            writeInt(out, value.length);
            out.writeBytes(value);
        }
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        writeInt(out, 8);
        out.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }
}
