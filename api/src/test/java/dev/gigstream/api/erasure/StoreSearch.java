package dev.gigstream.api.erasure;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the application stores, as text, store by store and table by table (collection, key), for a
 * search of a person's data: every relational table (event payloads and metadata, snapshots, sagas, dead
 * letters, tokens, accounts, the lookups, ...), every MongoDB collection and every Redis key and value.
 */
final class StoreSearch {

    private final Map<String, String> contents = new LinkedHashMap<>();

    static StoreSearch of(JdbcClient jdbc, MongoDatabase readModels, StringRedisTemplate redis, String redisPrefix) {
        StoreSearch search = new StoreSearch();
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'public' "
                + "AND table_type IN ('BASE TABLE', 'TABLE')").query(String.class).list();
        if (tables.isEmpty()) {
            throw new IllegalStateException("No tables found to search");
        }
        for (String table : tables) {
            List<String> rows = jdbc.sql("SELECT * FROM " + table).query((rs, n) -> row(rs)).list();
            search.contents.put("table " + table, String.join("\n", rows));
        }
        for (String name : readModels.listCollectionNames()) {
            StringBuilder text = new StringBuilder();
            for (Document doc : readModels.getCollection(name).find()) {
                text.append(doc.toJson()).append('\n');
            }
            search.contents.put("collection " + name, text.toString());
        }
        if (redis != null) {
            StringBuilder text = new StringBuilder();
            try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(redisPrefix + "*").count(500).build())) {
                keys.forEachRemaining(key -> text.append(key).append(" = ").append(redisValue(redis, key)).append('\n'));
            }
            search.contents.put("redis", text.toString());
        }
        return search;
    }

    private static String row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            values.add(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : value instanceof java.sql.Blob blob ? new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8)
                    : value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length())
                    : String.valueOf(value));
        }
        return String.join(" | ", values);
    }

    private static String redisValue(StringRedisTemplate redis, String key) {
        var type = redis.type(key);
        return switch (type == null ? "none" : type.code()) {
            case "string" -> redis.opsForValue().get(key);
            case "hash" -> String.valueOf(redis.opsForHash().entries(key));
            case "list" -> String.valueOf(redis.opsForList().range(key, 0, -1));
            case "set" -> String.valueOf(redis.opsForSet().members(key));
            case "zset" -> String.valueOf(redis.opsForZSet().rangeWithScores(key, 0, -1).stream()
                    .map(t -> t.getValue() + "@" + t.getScore()).toList());
            default -> type.code();
        };
    }

    /** Where each of the texts is found: store, table or collection. Empty when none is. */
    Map<String, List<String>> whereFound(List<String> needles) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        contents.forEach((where, text) -> {
            List<String> hits = needles.stream().filter(needle -> text.toLowerCase().contains(needle.toLowerCase())).toList();
            if (!hits.isEmpty()) {
                found.put(where, hits);
            }
        });
        return found;
    }

    boolean searched(String where) {
        return contents.containsKey(where);
    }

    String text(String where) {
        return contents.get(where);
    }
}
