package dev.lazarus.agent;

import dev.lazarus.internal.log.OnCorruption;
import dev.lazarus.internal.log.SyncMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The four sources of options, their precedence, and the errors that name what and where. */
class ConfigTest {
    @TempDir
    Path tmp;

    private final Properties system = new Properties();
    private final Map<String, String> env = new HashMap<>();

    private Config load(String args) {
        return Config.load(args, system, env);
    }

    private Path file(String name, String... lines) throws IOException {
        Path f = tmp.resolve(name);
        Files.createDirectories(f.getParent());
        Files.write(f, java.util.List.of(lines));
        return f;
    }

    @Test
    void defaultsWhenNothingIsGiven() {
        Config c = Config.load("dir=" + tmp.resolve("d"), new Properties(), Map.of());
        assertThat(c.sync()).isEqualTo(SyncMode.INTERVAL);
        assertThat(c.syncIntervalMs()).isEqualTo(1000);
        assertThat(c.strict()).isTrue();
        assertThat(c.onCorruption()).isEqualTo(OnCorruption.STOP);
    }

    @Test
    void theStartUpLineShowsSmallLogThresholdsWithoutRoundingThemToZero() {
        assertThat(load("dir=" + tmp + ",snapshotLogBytes=64k").describe()).contains("or 64 KiB of log");
        assertThat(load("dir=" + tmp).describe()).contains("or 256 MiB of log");
        assertThat(Config.size(1536)).isEqualTo("1536 bytes");
    }

    @Test
    void keyedRootsAreAcceptedAndBadKeySyntaxNamesTheOptionAndTheEntry() {
        assertThat(load("dir=" + tmp + ",roots=a.b.Base.storage[dbIndex]").thirdParty().rootKey("a/b/Base", "storage"))
                .isEqualTo("dbIndex");
        assertThatThrownBy(() -> load("dir=" + tmp + ",roots=a.b.Base.storage[db.index]"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("roots entry 'a.b.Base.storage[db.index]'")
                .hasMessageContaining("pkg.Class.field[keyField]");
    }

    @Test
    void onCorruptionTruncateIsAcceptedAndABadValueNamesTheChoices() {
        assertThat(load("dir=" + tmp + ",onCorruption=truncate").onCorruption()).isEqualTo(OnCorruption.TRUNCATE);
        assertThatThrownBy(() -> load("dir=" + tmp + ",onCorruption=skip"))
                .hasMessageContaining("'skip' for onCorruption").hasMessageContaining("stop or truncate");
    }

    @Test
    void eachSourceOverridesTheOnesBelowIt() throws IOException {
        Path f = file("opts.properties", "sync=none", "syncIntervalMs=11", "strict=false", "snapshotInterval=7s");
        env.put("LAZARUS_CONFIG", f.toString());
        env.put("LAZARUS_SYNC_INTERVAL_MS", "22");
        env.put("LAZARUS_STRICT", "true");
        env.put("LAZARUS_SNAPSHOT_LOG_BYTES", "3m");
        system.setProperty("lazarus.strict", "false");
        system.setProperty("lazarus.sync", "always");
        Config c = load("dir=" + tmp.resolve("d") + ",sync=interval");

        assertThat(c.sync()).as("agent option over -D and file").isEqualTo(SyncMode.INTERVAL);
        assertThat(c.strict()).as("-D over environment and file").isFalse();
        assertThat(c.syncIntervalMs()).as("environment over file").isEqualTo(22);
        assertThat(c.snapshotIntervalMs()).as("file over default").isEqualTo(7_000);
        assertThat(c.snapshotLogBytes()).as("environment over default").isEqualTo(3L << 20);
        assertThat(c.rtoMs()).as("default").isZero();
    }

    @Test
    void lazarusPropertiesInTheDataDirectoryIsReadWhenPresent() throws IOException {
        Path dir = tmp.resolve("data");
        file("data/lazarus.properties", "# comment", "! another comment", "", "  sync : always  ", "syncIntervalMs = 5");
        Config c = load("dir=" + dir);
        assertThat(c.sync()).isEqualTo(SyncMode.ALWAYS);
        assertThat(c.syncIntervalMs()).isEqualTo(5);
    }

    @Test
    void aNamedFileReplacesTheOneInTheDataDirectoryAndMayMoveTheDirectory() throws IOException {
        file("data/lazarus.properties", "sync=always");
        Path named = file("named.properties", "dir=" + tmp.resolve("elsewhere"), "strict=false");
        system.setProperty("lazarus.config", named.toString());
        system.setProperty("lazarus.dir", tmp.resolve("data").toString());
        Config c = load("");
        assertThat(c.sync()).as("the data directory's file is not read").isEqualTo(SyncMode.INTERVAL);
        assertThat(c.strict()).isFalse();
        assertThat(c.dir()).as("-D wins over the file").isEqualTo(tmp.resolve("data"));
    }

    @Test
    void unknownKeyInTheFileNamesTheFileAndLineAndListsTheValidKeys() throws IOException {
        Path f = file("bad.properties", "sync=always", "# fine", "snapshotIntervall=10s");
        assertThatThrownBy(() -> load("config=" + f))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'snapshotIntervall'")
                .hasMessageContaining(f + " line 3")
                .hasMessageContaining("Valid keys")
                .hasMessageContaining("snapshotInterval:")
                .hasMessageContaining("syncIntervalMs:");
    }

    @Test
    void badValueInTheFileNamesTheFileLineAndValidValues() throws IOException {
        Path f = file("data/lazarus.properties", "", "sync=sometimes");
        assertThatThrownBy(() -> load("dir=" + tmp.resolve("data")))
                .hasMessageContaining("'sometimes'")
                .hasMessageContaining("for sync")
                .hasMessageContaining("none, interval or always")
                .hasMessageContaining("set by " + f + " line 2");
    }

    @Test
    void badValuesFromOtherSourcesSayWhereTheyWereSet() {
        system.setProperty("lazarus.syncIntervalMs", "-5");
        assertThatThrownBy(() -> load("dir=" + tmp))
                .hasMessageContaining("'-5' for syncIntervalMs")
                .hasMessageContaining("set by system property -Dlazarus.syncIntervalMs");
        system.clear();
        env.put("LAZARUS_RTO", "soon");
        assertThatThrownBy(() -> load("dir=" + tmp)).hasMessageContaining("set by environment variable LAZARUS_RTO");
        env.clear();
        assertThatThrownBy(() -> load("dir=" + tmp + ",strict=maybe")).hasMessageContaining("set by agent option strict");
    }

    @Test
    void aValueOverriddenByAHigherSourceIsNotUsed() throws IOException {
        Path f = file("opts.properties", "sync=sometimes");
        Config c = load("config=" + f + ",dir=" + tmp + ",sync=none");
        assertThat(c.sync()).isEqualTo(SyncMode.NONE);
    }

    @Test
    void malformedFilesAreErrorsThatSayWhere() throws IOException {
        Path noSep = file("a.properties", "sync always");
        assertThatThrownBy(() -> load("config=" + noSep)).hasMessageContaining("'sync always'")
                .hasMessageContaining(noSep + " line 1").hasMessageContaining("not key=value");

        Path twice = file("b.properties", "sync=none", "strict=true", "sync=always");
        assertThatThrownBy(() -> load("config=" + twice)).hasMessageContaining("'sync' is set twice")
                .hasMessageContaining("lines 1 and 3");

        Path nested = file("c.properties", "config=other.properties");
        assertThatThrownBy(() -> load("config=" + nested)).hasMessageContaining(nested + " line 1")
                .hasMessageContaining("cannot name another");

        Path prefixed = file("d.properties", "lazarus.sync=none");
        assertThatThrownBy(() -> load("config=" + prefixed)).hasMessageContaining("'lazarus.sync'")
                .hasMessageContaining("as 'sync'");

        file("data/lazarus.properties", "dir=/somewhere/else");
        assertThatThrownBy(() -> load("dir=" + tmp.resolve("data"))).hasMessageContaining("'dir'")
                .hasMessageContaining("lazarus.properties line 1").hasMessageContaining("cannot move it");
    }

    @Test
    void aNamedFileThatDoesNotExistIsAnError() {
        env.put("LAZARUS_CONFIG", tmp.resolve("missing.properties").toString());
        assertThatThrownBy(() -> load("dir=" + tmp)).hasMessageContaining("missing.properties")
                .hasMessageContaining("environment variable LAZARUS_CONFIG").hasMessageContaining("does not exist");
    }

    @Test
    void unknownKeysFromEveryOtherSourceAreErrors() {
        env.put("LAZARUS_SYNK", "none");
        assertThatThrownBy(() -> load("")).hasMessageContaining("environment variable LAZARUS_SYNK")
                .hasMessageContaining("Valid keys");
        env.clear();
        system.setProperty("lazarus.synk", "none");
        assertThatThrownBy(() -> load("")).hasMessageContaining("-Dlazarus.synk").hasMessageContaining("Valid keys");
        system.clear();
        assertThatThrownBy(() -> load("synk=none")).hasMessageContaining("'synk'").hasMessageContaining("config:");
    }
}
