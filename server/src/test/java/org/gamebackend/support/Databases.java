package org.gamebackend.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** Fresh databases on this machine's PostgreSQL (127.0.0.1:5432, user postgres, trust) for connected-mode tests. */
public final class Databases {

    static final String ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private Databases() {}

    /** Creates a database with a unique name and returns the name. */
    public static String create() throws SQLException {
        String name = "gb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            c.createStatement().execute("create database " + name);
        }
        return name;
    }

    public static void drop(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, "postgres", "")) {
            c.createStatement().execute("drop database if exists " + name + " with (force)");
        }
    }

    public static Connection connect(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "");
    }
}
