package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Third-party classes by configuration (DESIGN §1): jedis-mock 1.1.18, an in-memory Redis server
 * from Maven Central, runs unmodified under the agent; only the options {@code classes=},
 * {@code roots=} and {@code exclude=} make its keyspace durable. The test speaks RESP to it over a
 * socket, kills it with {@code kill -9}, restarts it and reads every key back.
 */
class ThirdPartyIT {
    private static final String PKG = "com.github.fppt.jedismock.";
    /**
     * The configuration the README shows: the root is each database's storage (keyspace and expiry
     * times), keyed by the database's index, so that every database (SELECT n) has its own.
     */
    static final Map<String, String> JEDIS_MOCK = Map.of(
            "classes", PKG + "datastructures.**;" + PKG + "storage.ExpiringStorage;" + PKG + "storage.ExpiringKeyValueStorage",
            "roots", PKG + "storage.RedisBase.keyValueStorage[dbIndex]",
            "exclude", PKG + "storage.ExpiringStorage.clockSupplier;" + PKG + "storage.ExpiringStorage.keyChangeNotifier;"
                    + PKG + "storage.ExpiringKeyValueStorage.eventPublisher");
    /** The databases the test fills, in the order it first selects them (0 is every connection's first). */
    private static final List<String> DATABASES = List.of("0", "5", "2");

    @Test
    void jedisMock_everyDatabaseAndExpiryTime_surviveKill9_andKeepLoggingAfterRecovery() throws Exception {
        Path dir = AgentJvm.workDir("jedis-mock");
        Map<String, Object> built;
        Map<String, Long> builtTtls = new LinkedHashMap<>();
        long builtAt;
        try (AgentJvm jvm = redis(dir, JEDIS_MOCK).start(); Resp redis = connect(jvm)) {
            write(redis);
            writeOtherDatabasesAndExpiries(redis);
            Thread.sleep(600); // "brief" (300 ms) expires before the kill, so it must not come back
            built = readAll(redis, builtTtls);
            builtAt = System.currentTimeMillis();
            jvm.kill9();
        }
        assertThat(built.get("0 keys")).isEqualTo(List.of("bits", "counter", "greeting", "hash", "list", "set", "temp",
                "timed", "timed-ms", "zset"));
        assertThat(built.get("5 keys")).isEqualTo(List.of("five", "greeting", "list5"));
        assertThat(built.get("2 keys")).isEqualTo(List.of("two"));
        Map<String, Object> second;
        Map<String, Long> secondTtls = new LinkedHashMap<>();
        long secondAt;
        try (AgentJvm jvm = redis(dir, JEDIS_MOCK).start(); Resp redis = connect(jvm)) {
            Map<String, Long> ttls = new LinkedHashMap<>();
            assertThat(readAll(redis, ttls)).as(jvm.describe()).isEqualTo(built);
            assertTtlsKept(builtTtls, ttls, System.currentTimeMillis() - builtAt);
            // the recovered objects keep logging: change them, in several databases, crash again
            redis.call("APPEND", "greeting", "!");
            redis.call("INCRBY", "counter", "100");
            redis.call("RPUSH", "list", "after");
            redis.call("HSET", "hash", "f2", "changed");
            redis.call("ZADD", "zset", "0.5", "first");
            redis.call("SETBIT", "bits", "3", "1");
            redis.call("PERSIST", "timed");
            redis.call("EXPIRE", "greeting", "7200");
            redis.call("SELECT", "5");
            redis.call("SET", "five", "changed in 5");
            redis.call("PEXPIRE", "list5", "5400000");
            redis.call("SELECT", "7");
            redis.call("SET", "seven", "new database after recovery");
            redis.call("SELECT", "0");
            second = readAll(redis, secondTtls);
            secondAt = System.currentTimeMillis();
            jvm.kill9();
        }
        assertThat(second).isNotEqualTo(built);
        assertThat(secondTtls.get("0 timed")).as("PERSIST").isEqualTo(-1L);
        try (AgentJvm jvm = redis(dir, JEDIS_MOCK).start(); Resp redis = connect(jvm)) {
            Map<String, Long> ttls = new LinkedHashMap<>();
            assertThat(readAll(redis, ttls)).as(jvm.describe()).isEqualTo(second);
            assertTtlsKept(secondTtls, ttls, System.currentTimeMillis() - secondAt);
            redis.call("SELECT", "7");
            assertThat(redis.call("GET", "seven")).isEqualTo("new database after recovery");
        }
    }

    @Test
    void theOldConfigurationWithAnUnkeyedRoot_isRefusedAtSelectInsteadOfSwappingDatabases() throws Exception {
        // before keyed roots, roots=ExpiringKeyValueStorage.values made database 5 silently replace database 0
        Path dir = AgentJvm.workDir("jedis-mock-unkeyed");
        Map<String, String> unkeyed = new HashMap<>(JEDIS_MOCK);
        unkeyed.put("roots", PKG + "storage.ExpiringKeyValueStorage.values");
        try (AgentJvm jvm = redis(dir, unkeyed).start(); Resp redis = connect(jvm)) {
            redis.call("SET", "zero", "in 0");
            try {
                redis.call("SELECT", "5");
                redis.call("SET", "five", "in 5");
            } catch (java.io.IOException refused) {
                // jedis-mock reports the failure of its command, or drops the connection
            }
            jvm.awaitErrLine(0, l -> l.contains("is an instance field"), Duration.ofSeconds(30));
            String err = String.join("\n", jvm.err());
            assertThat(err).as(jvm.describe()).contains("root " + PKG + "storage.ExpiringKeyValueStorage.values is an instance field")
                    .contains("[keyField]");
            jvm.kill9();
        }
        try (AgentJvm jvm = redis(dir, unkeyed).start(); Resp redis = connect(jvm)) {
            assertThat(redis.call("GET", "zero")).as(jvm.describe()).isEqualTo("in 0");
            assertThat(redis.call("KEYS", "*")).isEqualTo(List.of("zero"));
        }
    }

    @Test
    void aKeyedRootWhoseKeyFieldDoesNotExist_stopsTheJvmNamingIt() throws Exception {
        Path dir = AgentJvm.workDir("jedis-mock-bad-key");
        Map<String, String> typo = new HashMap<>(JEDIS_MOCK);
        typo.put("roots", PKG + "storage.RedisBase.keyValueStorage[dbIdx]");
        try (AgentJvm jvm = redis(dir, typo).start(); Resp redis = connect(jvm)) {
            try {
                redis.call("SET", "k", "v"); // RedisBase loads with the first database
            } catch (java.io.IOException stopped) {
                // the JVM stops while the command runs
            }
            assertThat(jvm.awaitExit(Duration.ofSeconds(60))).as(jvm.describe()).isEqualTo(2);
            assertThat(String.join("\n", jvm.err())).contains("keyed by dbIdx").contains("dbIndex");
        }
    }

    /** Expiry times come back as deadlines: what remained at the kill, less the time since, never more. */
    private static void assertTtlsKept(Map<String, Long> before, Map<String, Long> after, long elapsedMs) {
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((key, ttl) -> {
            if (ttl < 0) {
                assertThat(after.get(key)).as("%s has no expiry", key).isEqualTo(ttl);
            } else {
                assertThat(after.get(key)).as("%s: %d ms left at the kill, %d ms since", key, ttl, elapsedMs)
                        .isBetween(ttl - elapsedMs - 1000, ttl);
            }
        });
    }

    /** Databases 5 and 2 (5 first: the order of creation must not matter), and expiry times in 0 and 5. */
    private static void writeOtherDatabasesAndExpiries(Resp redis) throws Exception {
        redis.call("SET", "timed", "an hour");
        redis.call("EXPIRE", "timed", "3600");
        redis.call("SET", "timed-ms", "ninety minutes");
        redis.call("PEXPIRE", "timed-ms", "5400000");
        redis.call("SET", "temp", "persisted");
        redis.call("EXPIRE", "temp", "60");
        redis.call("PERSIST", "temp");
        redis.call("SET", "brief", "gone before the kill");
        redis.call("PEXPIRE", "brief", "300");
        redis.call("SELECT", "5");
        redis.call("SET", "five", "in 5");
        redis.call("SET", "greeting", "same key, other database");
        redis.call("EXPIRE", "greeting", "1800");
        redis.call("RPUSH", "list5", "x", "y");
        redis.call("SELECT", "2");
        redis.call("SET", "two", "in 2");
        redis.call("SELECT", "0");
    }

    /** Every database's state ("db name" → value), and every key's PTTL into {@code ttls}; leaves database 0 selected. */
    private static Map<String, Object> readAll(Resp redis, Map<String, Long> ttls) throws Exception {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String db : DATABASES) {
            redis.call("SELECT", db);
            Map<String, Object> one = db.equals("0") ? read(redis) : new LinkedHashMap<>();
            @SuppressWarnings("unchecked")
            List<String> keys = new ArrayList<>((List<String>) redis.call("KEYS", "*"));
            keys.sort(null);
            one.put("keys", keys);
            for (String k : keys) {
                Object type = redis.call("TYPE", k);
                one.putIfAbsent(k, type.equals("string") ? redis.call("GET", k) : type);
                ttls.put(db + " " + k, Long.parseLong((String) redis.call("PTTL", k)));
            }
            one.forEach((k, v) -> state.put(db + " " + k, v));
        }
        redis.call("SELECT", "0");
        return state;
    }

    @Test
    void withoutTheConfiguration_theKeyspaceIsLost() throws Exception {
        // the control: the same server and agent without the options keeps nothing
        Path dir = AgentJvm.workDir("jedis-mock-plain");
        try (AgentJvm jvm = redis(dir, Map.of()).start(); Resp redis = connect(jvm)) {
            write(redis);
            jvm.kill9();
        }
        try (AgentJvm jvm = redis(dir, Map.of()).start(); Resp redis = connect(jvm)) {
            assertThat(redis.call("KEYS", "*")).isEqualTo(List.of());
        }
    }

    private static final String LIB = "dev.lazarus.it.apps.library.";
    /** An annotation-free class with what libraries hold, made durable by the three options. */
    private static AgentJvm.Builder library(Path dir, String mode) {
        return AgentJvm.app(LIB + "LibraryApp").dir(dir).args(mode)
                .option("classes", LIB + "Inventory*")
                .option("roots", LIB + "LibraryApp.inventory")
                .option("exclude", LIB + "Inventory.clock;" + LIB + "Inventory.onChange");
    }

    @Test
    void libraryClass_finalTransientInnerConcreteCollectionsArraysMutableValuesAndWiring_surviveKill9() throws Exception {
        Path dir = AgentJvm.workDir("library");
        Crash.Run built = Crash.runAndKill(library(dir, "build"));
        assertThat(built.state()).as(built.description()).isNotEqualTo(built.fresh()).contains("wired=true");
        Crash.Run continued = Crash.runAndKill(library(dir, "continue"));
        Crash.assertRecovered("library", built.state(), continued);
        assertThat(continued.state2()).as(continued.description()).isNotEqualTo(continued.state())
                .contains("wired=true");
        // transient state is not kept, as with Java serialization
        assertThat(Crash.prefixed(built.out(), "TRANSIENT")).last().isEqualTo("3");
        assertThat(Crash.prefixed(continued.out(), "TRANSIENT")).first().isEqualTo("0");
        Crash.Run checked = Crash.check(library(dir, "check"));
        Crash.assertRecovered("library after more changes", continued.state2(), checked);
    }

    @Test
    void compactWithoutTheThirdPartyOptions_refusesNamingThemAndDeletesNothing_withThemItCompacts() throws Exception {
        Path dir = AgentJvm.workDir("library-compact");
        Crash.Run built = Crash.runAndKill(library(dir, "build"));
        List<String> before = files(dir);
        Cli bare = Cli.run("compact", dir, "--classpath", AgentJvm.TEST_CLASSES.toAbsolutePath());
        assertThat(bare.exit()).as(bare.describe()).isEqualTo(4);
        assertThat(String.join("\n", bare.err())).as(bare.describe()).contains(LIB + "Inventory").contains("classes=");
        assertThat(files(dir)).as("nothing deleted, nothing written").isEqualTo(before);
        Cli configured = Cli.run("compact", dir, "--classpath", AgentJvm.TEST_CLASSES.toAbsolutePath(),
                "--classes", LIB + "Inventory*", "--roots", LIB + "LibraryApp.inventory",
                "--exclude", LIB + "Inventory.clock;" + LIB + "Inventory.onChange");
        assertThat(configured.exit()).as(configured.describe()).isZero();
        Crash.Run checked = Crash.check(library(dir, "check"));
        Crash.assertRecovered("library after compaction", built.state(), checked);
    }

    private static List<String> files(Path dir) throws java.io.IOException {
        try (var walk = java.nio.file.Files.walk(dir)) {
            // the lock file holds the PID of whoever opened the directory last: not data
            return walk.filter(java.nio.file.Files::isRegularFile).filter(f -> !f.endsWith("lazarus.lock"))
                    .map(f -> dir.relativize(f) + " " + f.toFile().length())
                    .sorted().toList();
        }
    }

    @Test
    void aFieldNamedInExcludeThatTheClassLacks_stopsTheJvmWithTheFix() throws Exception {
        Path dir = AgentJvm.workDir("library-typo");
        try (AgentJvm jvm = library(dir, "build").option("exclude", LIB + "Inventory.clok").start()) {
            assertThat(jvm.awaitExit(Duration.ofSeconds(60))).as(jvm.describe()).isEqualTo(2);
            assertThat(String.join("\n", jvm.err())).contains("exclude=" + LIB + "Inventory.clok")
                    .contains("clock").contains("Fix:");
        }
    }

    /** Strings (SET, APPEND: a byte array replaced then filled), counters, lists, sets, hashes, sorted sets, bitmaps. */
    private static void write(Resp redis) throws Exception {
        redis.call("SET", "greeting", "hello");
        redis.call("APPEND", "greeting", ", world");
        redis.call("SET", "counter", "1");
        for (int i = 0; i < 40; i++) {
            redis.call("INCR", "counter");
        }
        redis.call("RPUSH", "list", "a", "b", "c", "d");
        redis.call("LPOP", "list");
        redis.call("LSET", "list", "0", "B");
        redis.call("SADD", "set", "x", "y", "z");
        redis.call("SREM", "set", "y");
        redis.call("HSET", "hash", "f1", "v1", "f2", "v2", "f3", "v3");
        redis.call("HDEL", "hash", "f3");
        redis.call("ZADD", "zset", "3", "three", "1", "one", "2", "two");
        redis.call("ZINCRBY", "zset", "10", "one");
        redis.call("SETBIT", "bits", "5", "1");
        redis.call("SETBIT", "bits", "12", "1");
        redis.call("SET", "gone", "soon");
        redis.call("DEL", "gone");
    }

    /** Everything the keyspace holds, in a comparable form. */
    private static Map<String, Object> read(Resp redis) throws Exception {
        Map<String, Object> state = new LinkedHashMap<>();
        @SuppressWarnings("unchecked")
        List<String> keys = new ArrayList<>((List<String>) redis.call("KEYS", "*"));
        keys.sort(null);
        state.put("keys", keys);
        state.put("greeting", redis.call("GET", "greeting"));
        state.put("counter", redis.call("GET", "counter"));
        state.put("list", redis.call("LRANGE", "list", "0", "-1"));
        state.put("set", sorted(redis.call("SMEMBERS", "set")));
        state.put("hash", sorted(redis.call("HGETALL", "hash")));
        state.put("zset", redis.call("ZRANGE", "zset", "0", "-1", "WITHSCORES"));
        StringBuilder bits = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            bits.append(redis.call("GETBIT", "bits", Integer.toString(i)));
        }
        state.put("bits", bits.toString());
        state.put("gone", redis.call("EXISTS", "gone"));
        return state;
    }

    private static Object sorted(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).sorted().collect(Collectors.toList());
    }

    private static AgentJvm.Builder redis(Path dir, Map<String, String> options) {
        AgentJvm.Builder b = AgentJvm.app("dev.lazarus.it.apps.thirdparty.RedisApp").dir(dir.resolve("data"));
        options.forEach(b::option);
        libraryJars().forEach(b::classPath);
        return b;
    }

    private static Resp connect(AgentJvm jvm) throws Exception {
        String line = jvm.awaitLine(l -> l.startsWith("PORT "), Duration.ofSeconds(60));
        return new Resp(Integer.parseInt(line.substring("PORT ".length()).trim()));
    }

    /** jedis-mock and what it needs at run time, from this test's own class path. */
    private static List<String> libraryJars() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(cp.split(File.pathSeparator))
                .filter(e -> e.contains("jedis") || e.contains("luaj") || e.contains("slf4j-api")
                        || e.contains("commons-pool2") || e.contains("gson") || e.contains("org/json")
                        || e.contains("redis-authx"))
                .collect(Collectors.toList());
    }
}
