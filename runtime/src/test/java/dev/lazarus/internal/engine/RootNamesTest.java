package dev.lazarus.internal.engine;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RootNamesTest {
    @Test
    void unkeyedRootsKeepTheFormExistingDataDirectoriesHold() {
        assertThat(RootNames.of(RootNamesTest.class, "store")).isEqualTo("dev.lazarus.internal.engine.RootNamesTest.store");
    }

    @Test
    void keysAreWrittenFromTheirValueOnly() {
        assertThat(RootNames.keyed(RootNamesTest.class, "db", 5)).endsWith(".db[5]");
        assertThat(RootNames.keyed(RootNamesTest.class, "db", -7L)).endsWith(".db[-7]");
        assertThat(RootNames.keyed(RootNamesTest.class, "db", true)).endsWith(".db[true]");
        assertThat(RootNames.keyed(RootNamesTest.class, "db", 'x')).endsWith(".db['x']");
        assertThat(RootNames.keyed(RootNamesTest.class, "db", DayOfWeek.MONDAY)).endsWith(".db[MONDAY]");
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(RootNames.keyed(RootNamesTest.class, "db", id)).endsWith(".db[123e4567-e89b-12d3-a456-426614174000]");
        assertThat(RootNames.keyed(RootNamesTest.class, "db", "eu.west")).endsWith(".db[\"eu.west\"]");
    }

    @Test
    void stringKeysAreQuotedAndEscapedSoThatDistinctKeysNeverShareAName() {
        assertThat(RootNames.keyed(RootNamesTest.class, "db", "5")).isNotEqualTo(RootNames.keyed(RootNamesTest.class, "db", 5));
        assertThat(RootNames.keyed(RootNamesTest.class, "db", "a\"]b\\\n")).endsWith(".db[\"a\\\"]b\\\\\\u000a\"]");
    }

    @Test
    void otherKeyTypesAreRefused() {
        assertThatThrownBy(() -> RootNames.keyed(RootNamesTest.class, "db", new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RootNames.keyed(RootNamesTest.class, "db", new java.math.BigDecimal(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitFindsTheFieldBeforeTheKeyWhateverTheKeyHolds() {
        assertThat(RootNames.split("a.b.C.field")).containsExactly("a.b.C", "field");
        assertThat(RootNames.split("a.b.C.field[\"x.y[z]\"]")).containsExactly("a.b.C", "field[\"x.y[z]\"]");
        assertThat(RootNames.split("a.b.C.field[5]")).containsExactly("a.b.C", "field[5]");
        assertThat(RootNames.split("a.b.Map.values@cluster")).containsExactly("a.b.Map", "values@cluster");
    }
}
