package app.herald.kernel.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Small helpers for the places where Herald speaks SQL directly (queues, atomic rollup upserts, aggregate reads):
 * parameters bound by position (null, dates and enums included), connections and statements always closed. The
 * connection comes from the container's JTA data source, so statements join the caller's transaction.
 */
public final class Jdbc {

    private Jdbc() {
    }

    /** Reads one row into the caller's type. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    public static int update(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = bind(connection.prepareStatement(sql), parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed (" + e.getMessage() + "): " + sql, e);
        }
    }

    public static <T> List<T> list(DataSource dataSource, String sql, RowReader<T> reader,
                                   Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = bind(connection.prepareStatement(sql), parameters);
             ResultSet rows = statement.executeQuery()) {
            List<T> found = new ArrayList<>();
            while (rows.next()) {
                found.add(reader.read(rows));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed (" + e.getMessage() + "): " + sql, e);
        }
    }

    public static <T> Optional<T> first(DataSource dataSource, String sql, RowReader<T> reader,
                                        Object... parameters) {
        List<T> found = list(dataSource, sql, reader, parameters);
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
    }

    /** A nullable BIGINT column. */
    public static Long longOrNull(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    /** A nullable BIGINT column by position. */
    public static Long longOrNull(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    public static PreparedStatement bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p == null) {
                statement.setNull(i + 1, Types.BIGINT);
            } else if (p instanceof LocalDate date) {
                statement.setObject(i + 1, java.sql.Date.valueOf(date));
            } else if (p instanceof Enum<?> e) {
                statement.setString(i + 1, e.name());
            } else {
                statement.setObject(i + 1, p);
            }
        }
        return statement;
    }
}
