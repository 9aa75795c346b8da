package dev.gigstream.command.lookup;

import org.axonframework.common.jdbc.ConnectionProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A command-side lookup table: a relational table that a subscribing event handler keeps from the
 * events in the unit of work (and, on the relational event store, the transaction) that stores them,
 * and that command handlers read for what their aggregate does not know (set-based validation, as in
 * AxonIQ's samples). Its connections come from Axon's {@link ConnectionProvider}, the one the event
 * store uses, so a row and the event it follows commit together or not at all.
 */
public final class LookupTable {

    /** The subscribing processor that keeps every lookup table of the command side. */
    public static final String PROCESSING_GROUP = "command-lookups";

    /** Reads one row into a value. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final ConnectionProvider connections;

    public LookupTable(ConnectionProvider connections) {
        this.connections = connections;
    }

    /** Runs an insert, update or delete; the number of rows it changed. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new LookupTableException(sql, e);
        }
    }

    /** Updates the row, or inserts it when there is none yet. */
    public void upsert(String updateSql, Object[] updateParameters, String insertSql, Object[] insertParameters) {
        if (update(updateSql, updateParameters) == 0) {
            update(insertSql, insertParameters);
        }
    }

    /** The first row the query finds, if any. */
    public <T> Optional<T> queryOne(String sql, Row<T> row, Object... parameters) {
        try (Connection connection = connections.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(row.read(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw new LookupTableException(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** A lookup table could not be read or written: the unit of work fails and rolls back. */
    public static final class LookupTableException extends RuntimeException {
        LookupTableException(String sql, SQLException cause) {
            super("Lookup table statement failed: " + sql, cause);
        }
    }
}
