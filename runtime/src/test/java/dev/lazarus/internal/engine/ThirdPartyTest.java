package dev.lazarus.internal.engine;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThirdPartyTest {
    @Test
    void oneStarIsOneNameLevel_nestedClassesIncluded_twoStarsAnyDepth() {
        ThirdParty t = ThirdParty.parse("com.acme.store.*;org.lib.**;one.Exact", null, null);
        assertThat(t.tracks("com/acme/store/Store")).isTrue();
        assertThat(t.tracks("com/acme/store/Store$Entry")).isTrue();
        assertThat(t.tracks("com/acme/store/sub/Deep")).isFalse();
        assertThat(t.tracks("com/acme/Other")).isFalse();
        assertThat(t.tracks("org/lib/a/b/C")).isTrue();
        assertThat(t.tracks("one/Exact")).isTrue();
        assertThat(t.tracks("one/ExactNot")).isFalse();
    }

    @Test
    void rootsAndExcludedFieldsAreNamedByTheirDeclaringClass() {
        ThirdParty t = ThirdParty.parse(null, "a.b.Server.store", "a.b.Server.clock;a.b.Outer$Inner.log");
        assertThat(t.isRoot("a/b/Server", "store")).isTrue();
        assertThat(t.isRoot("a/b/Server", "clock")).isFalse();
        assertThat(t.isExcluded("a/b/Server", "clock")).isTrue();
        assertThat(t.isExcluded("a/b/Outer$Inner", "log")).isTrue();
        assertThat(t.namesFieldsOf("a/b/Server")).isTrue();
        assertThat(t.namesFieldsOf("a/b/Other")).isFalse();
        assertThat(t.missingFields("a/b/Server", Set.of("store", "clok")))
                .containsExactly("exclude=a.b.Server.clock");
    }

    @Test
    void aRootMayBeKeyedByAFieldInBrackets() {
        ThirdParty t = ThirdParty.parse(null, "a.b.Base.storage[dbIndex];a.b.Outer$Inner.store;c.D.x[$id]", null);
        assertThat(t.isRoot("a/b/Base", "storage")).isTrue();
        assertThat(t.rootKey("a/b/Base", "storage")).isEqualTo("dbIndex");
        assertThat(t.rootKey("a/b/Outer$Inner", "store")).isNull();
        assertThat(t.isRoot("a/b/Outer$Inner", "store")).isTrue();
        assertThat(t.rootKey("c/D", "x")).isEqualTo("$id");
        assertThat(t.missingFields("a/b/Base", Set.of("dbIndex"))).containsExactly("roots=a.b.Base.storage");
    }

    @Test
    void badKeyedRootsAreRefusedNamingTheEntry() {
        for (String bad : new String[] {"a.b.C.f[]", "a.b.C.f[k", "a.b.C.f[k]x", "a.b.C.f[a.b]", "a.b.C[k].f", "f[k]"}) {
            assertThatThrownBy(() -> ThirdParty.parse(null, bad, null)).as(bad)
                    .hasMessageStartingWith("roots entry '" + bad + "'");
        }
    }

    @Test
    void badEntriesAreRefusedWithTheExpectedForm() {
        assertThatThrownBy(() -> ThirdParty.parse("java.util.*", null, null))
                .hasMessageContaining("java.util.*").hasMessageContaining("JDK");
        assertThatThrownBy(() -> ThirdParty.parse("com/acme/Store", null, null))
                .hasMessageContaining("com/acme/Store").hasMessageContaining("com.acme.**");
        assertThatThrownBy(() -> ThirdParty.parse(null, "Store", null))
                .hasMessageContaining("roots entry 'Store'").hasMessageContaining("pkg.Class.field");
        assertThatThrownBy(() -> ThirdParty.parse(null, null, "a.b.C."))
                .hasMessageContaining("exclude entry 'a.b.C.'");
    }
}
