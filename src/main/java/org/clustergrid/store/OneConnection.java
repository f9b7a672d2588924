package org.clustergrid.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * A data source that hands out one connection, again and again, and does not close it: for Flyway, which otherwise
 * runs a migration on one connection and records it in its history table on another. Two transactions leave a window
 * where a process killed between their commits has applied a migration it has no record of, and the next start fails
 * on its "already exists". On one connection the migration and its record commit together.
 */
final class OneConnection extends PlainDataSource {
    private final Connection shared;

    OneConnection(Connection connection) {
        this.shared = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null; // the owner closes it
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection() {
        return shared;
    }

    /** The same connection: it is open already, whoever asks. */
    @Override
    public Connection getConnection(String user, String password) {
        return shared;
    }
}
