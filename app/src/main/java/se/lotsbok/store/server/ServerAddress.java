package se.lotsbok.store.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * A register on a PostgreSQL office server, named as {@code postgresql://host[:port]/database}.
 * TLS follows PostgreSQL's own environment variables ({@code PGSSLMODE}, {@code PGSSLROOTCERT},
 * {@code PGSSLCERT}, {@code PGSSLKEY}); without {@code PGSSLMODE} the connection is encrypted and
 * the server's certificate verified (host name included) whenever the host is not this computer.
 */
public record ServerAddress(String host, int port, String database) {

    public static final String SCHEME = "postgresql://";
    public static final int DEFAULT_PORT = 5432;
    /** The schema that holds the register in the database. */
    public static final String SCHEMA = "lotsbok";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    public ServerAddress {
        if (host == null || host.isBlank() || database == null || database.isBlank() || port <= 0 || port > 65535) {
            throw new IllegalArgumentException("not a server address");
        }
    }

    /** Whether {@code text} names a server rather than a data folder. */
    public static boolean isServer(String text) {
        return text != null && text.strip().toLowerCase(Locale.ROOT).startsWith(SCHEME);
    }

    /**
     * Reads {@code postgresql://host[:port]/database}; empty when {@code text} is no such address
     * (a missing database name, a bad port, anything after the database name).
     */
    public static Optional<ServerAddress> parse(String text) {
        if (!isServer(text)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String path = uri.getPath();
            if (uri.getHost() == null || path == null || path.length() < 2 || path.indexOf('/', 1) >= 0
                    || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(new ServerAddress(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                    path.substring(1)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether the server runs on this computer, where TLS is not required by default. */
    public boolean local() {
        return LOCAL_HOSTS.contains(host.toLowerCase(Locale.ROOT));
    }

    /** The JDBC URL, with the register's schema as the only one searched. */
    public String jdbcUrl() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "jdbc:postgresql://" + h + ":" + port + "/" + database;
    }

    /**
     * The connection properties for {@code user}: TLS as PostgreSQL's tools take it from the
     * environment, and verified by default for a server on another computer.
     */
    public Properties properties(String user, char[] password, Map<String, String> env) {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        if (password != null) {
            properties.setProperty("password", new String(password));
        }
        properties.setProperty("currentSchema", SCHEMA);
        properties.setProperty("ApplicationName", env.getOrDefault("PGAPPNAME", "lotsbok"));
        properties.setProperty("sslmode", env.getOrDefault("PGSSLMODE", local() ? "prefer" : "verify-full"));
        copy(env, "PGSSLROOTCERT", properties, "sslrootcert");
        copy(env, "PGSSLCERT", properties, "sslcert");
        copy(env, "PGSSLKEY", properties, "sslkey");
        copy(env, "PGCONNECT_TIMEOUT", properties, "connectTimeout");
        return properties;
    }

    /**
     * The PostgreSQL login of Lotsbok user {@code username} in this database. Logins are shared by
     * every database of a server, so each register's users are told apart by the database's name.
     */
    public String loginOf(String username) {
        return username + "@" + database;
    }

    private static void copy(Map<String, String> env, String variable, Properties properties, String property) {
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
            properties.setProperty(property, value);
        }
    }

    @Override
    public String toString() {
        return SCHEME + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
                + (port == DEFAULT_PORT ? "" : ":" + port) + "/" + database;
    }
}
