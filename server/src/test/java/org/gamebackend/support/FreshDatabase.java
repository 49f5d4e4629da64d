package org.gamebackend.support;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh database on this machine's PostgreSQL for each test, dropped after it (after the test's own
 * {@code @AfterEach}, so a server stopped there is gone first). Use as
 * {@code @RegisterExtension final FreshDatabase database = new FreshDatabase();}.
 */
public final class FreshDatabase implements BeforeEachCallback, AfterEachCallback {

    private String name = "";

    /** The database's name (created before the test's own {@code @BeforeEach} methods run). */
    public String name() {
        return name;
    }

    /** The database as the app's {@code DATABASE_URL} takes it. */
    public String url() {
        return "postgres://postgres@127.0.0.1:5432/" + name;
    }

    public Connection connect() throws SQLException {
        return Databases.connect(name);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        name = Databases.create();
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        Databases.drop(name);
    }
}
