package io.spikelot.local;

import io.spikelot.api.testing.TestInfra;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU time spent over a benchmark phase, per submit: of this JVM (the API and the load generator, told apart by
 * thread), of PostgreSQL (the API's connections, and all of its processes) and of the broker, with the commits and
 * rows the API wrote. CPU time per submit hardly moves with other load on the machine, unlike latency.
 */
final class CpuMeter {

    /** Clock ticks per second of {@code /proc/<pid>/stat} ({@code getconf CLK_TCK}). */
    private static final double TICKS_PER_SECOND = Double.parseDouble(System.getProperty("bench.clockTicks", "100"));

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String namespace;
    private final String applicationName;

    /** A snapshot taken by {@link #start()}. */
    private Snapshot begin;

    CpuMeter(String namespace) {
        this.namespace = namespace;
        this.applicationName = "bench-" + namespace;
    }

    /** An argument for the API that names its database connections, so their backends can be told apart. */
    String apiArgument() {
        return "--spring.datasource.hikari.data-source-properties.ApplicationName=" + applicationName;
    }

    void start() {
        begin = snapshot();
    }

    /** Prints the CPU milliseconds per submit since {@link #start()}. */
    void print(String label, long submits) {
        Snapshot end = snapshot();
        sleep(1_500); // backends report their table statistics at most once a second
        Map<String, Long> stats = databaseStats();
        double n = Math.max(1, submits);
        Set<Integer> backends = new HashSet<>(begin.backends);
        backends.addAll(end.backends);
        long apiBackendTicks = 0;
        for (int pid : backends) {
            apiBackendTicks += end.ticks.getOrDefault(pid, 0L) - begin.ticks.getOrDefault(pid, 0L);
        }
        System.out.printf(
                "%s-CPU over %d submits: jvm %.2f ms/submit (request threads %.2f, relays %.2f, load generator %.2f, other threads %.2f,"
                        + " JIT compilers' elapsed time %.2f (not CPU), gc pauses %.2f),"
                        + " postgres %.2f ms/submit (the API's %d connections %.2f), rabbitmq %.2f ms/submit;"
                        + " commits %.2f/submit, rows inserted %.2f/submit, rows updated %.2f/submit;"
                        + " %d threads started%n",
                label,
                submits,
                (end.jvmNanos - begin.jvmNanos) / 1e6 / n,
                (end.requestThreadNanos - begin.requestThreadNanos) / 1e6 / n,
                (end.relayThreadNanos - begin.relayThreadNanos) / 1e6 / n,
                (end.clientThreadNanos - begin.clientThreadNanos) / 1e6 / n,
                (end.otherThreadNanos - begin.otherThreadNanos) / 1e6 / n,
                (double) (end.compileMillis - begin.compileMillis) / n,
                (double) (end.gcMillis - begin.gcMillis) / n,
                ticksToMillis(end.postgresTicks - begin.postgresTicks) / n,
                backends.size(),
                ticksToMillis(apiBackendTicks) / n,
                ticksToMillis(end.brokerTicks - begin.brokerTicks) / n,
                (stats.get("commits") - begin.stats.get("commits")) / n,
                (stats.get("inserted") - begin.stats.get("inserted")) / n,
                (stats.get("updated") - begin.stats.get("updated")) / n,
                end.threadsStarted - begin.threadsStarted);
    }

    private static double ticksToMillis(long ticks) {
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }

    private record Snapshot(
            long jvmNanos,
            long threadsStarted,
            long requestThreadNanos,
            long relayThreadNanos,
            long clientThreadNanos,
            long otherThreadNanos,
            long compileMillis,
            long gcMillis,
            long postgresTicks,
            long brokerTicks,
            Map<Integer, Long> ticks,
            Set<Integer> backends,
            Map<String, Long> stats) {}

    private Snapshot snapshot() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long request = 0;
        long client = 0;
        long relays = 0;
        long other = 0;
        for (ThreadInfo thread : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (thread == null) {
                continue;
            }
            long cpu = Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
            String name = thread.getThreadName();
            if (name.startsWith("http-nio-")) {
                request += cpu;
            } else if (name.endsWith("-relay")) {
                relays += cpu;
            } else if (name.startsWith("HttpClient-") || name.startsWith("bench-")) {
                client += cpu;
            } else {
                other += cpu;
            }
        }
        Map<Integer, Long> ticks = new HashMap<>();
        long postgres = 0;
        long broker = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.toList()) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String comm = stat.substring(open + 1, close);
                String[] fields = stat.substring(close + 2).split(" ");
                // fields[11..14]: utime, stime, cutime, cstime (exited children, e.g. backends, count in the parent)
                long used = Long.parseLong(fields[11])
                        + Long.parseLong(fields[12])
                        + Long.parseLong(fields[13])
                        + Long.parseLong(fields[14]);
                if (comm.equals("postgres")) {
                    postgres += used;
                    ticks.put(Integer.parseInt(name), used);
                } else if (comm.equals("beam.smp")) {
                    broker += used;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Snapshot(
                jvm,
                THREADS.getTotalStartedThreadCount(),
                request,
                relays,
                client,
                other,
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime(),
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
                        .sum(),
                postgres,
                broker,
                ticks,
                backends(),
                databaseStats());
    }

    private Connection connect() throws SQLException {
        Map<String, String> c = TestInfra.connection();
        return DriverManager.getConnection(
                c.get("spring.datasource.url"),
                c.get("spring.datasource.username"),
                c.get("spring.datasource.password"));
    }

    private Set<Integer> backends() {
        Set<Integer> pids = new HashSet<>();
        try (Connection jdbc = connect();
                Statement statement = jdbc.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select pid from pg_stat_activity where application_name = '" + applicationName + "'")) {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pids;
    }

    /** Commits of the database (all its users), and rows written to this run's schema. */
    private Map<String, Long> databaseStats() {
        Map<String, Long> stats = new HashMap<>();
        try (Connection jdbc = connect();
                Statement statement = jdbc.createStatement()) {
            try (ResultSet rows = statement.executeQuery(
                    "select xact_commit from pg_stat_database where datname = current_database()")) {
                rows.next();
                stats.put("commits", rows.getLong(1));
            }
            try (ResultSet rows = statement.executeQuery(
                    "select coalesce(sum(n_tup_ins), 0), coalesce(sum(n_tup_upd), 0) from pg_stat_user_tables"
                            + " where schemaname = '" + namespace + "'")) {
                rows.next();
                stats.put("inserted", rows.getLong(1));
                stats.put("updated", rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return stats;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
