package dev.lazarus.bench.bank;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite through xerial sqlite-jdbc, in WAL mode as SQLite recommends for write-heavy use: one
 * transaction per transfer with prepared statements. {@code synchronous=NORMAL}: a commit is
 * written to the WAL but not forced (durable against a crash of the process, not of the machine);
 * {@code synchronous=FULL}: the WAL is forced at every commit.
 */
final class SqliteBank implements Bank {
    private final Connection c;
    private final PreparedStatement debit;
    private final PreparedStatement credit;
    private final boolean full;

    SqliteBank(int accounts, boolean full, Path dir) throws SQLException {
        this.full = full;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(full ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        c = config.createConnection("jdbc:sqlite:" + dir.resolve("bank.db"));
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE account (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)");
        }
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO account (id, balance) VALUES (?, ?)")) {
            for (int i = 0; i < accounts; i++) {
                insert.setInt(1, i);
                insert.setLong(2, OPENING_BALANCE);
                insert.addBatch();
                if (i % 10_000 == 9_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        c.commit();
        debit = c.prepareStatement("UPDATE account SET balance = balance - ? WHERE id = ? AND balance >= ?");
        credit = c.prepareStatement("UPDATE account SET balance = balance + ? WHERE id = ?");
    }

    @Override
    public void transfer(int from, int to, long amount) throws SQLException {
        debit.setLong(1, amount);
        debit.setInt(2, from);
        debit.setLong(3, amount);
        if (debit.executeUpdate() == 1) {
            credit.setLong(1, amount);
            credit.setInt(2, to);
            credit.executeUpdate();
        }
        c.commit();
    }

    @Override
    public long total() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT SUM(balance) FROM account")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Override
    public String durability() {
        return full ? "WAL, synchronous=FULL: fsync per commit" : "WAL, synchronous=NORMAL: written, not forced";
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
