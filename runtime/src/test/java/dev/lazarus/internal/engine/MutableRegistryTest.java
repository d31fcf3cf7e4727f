package dev.lazarus.internal.engine;

import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class MutableRegistryTest {
    @Test
    void valuesAreFoundByIdentity_notByEqualContent() {
        MutableRegistry r = new MutableRegistry();
        Object owner = new Object();
        BitSet held = new BitSet();
        held.set(3);
        BitSet equalTwin = new BitSet();
        equalTwin.set(3);
        r.register(held, owner, 7);
        assertThat(equalTwin).isEqualTo(held);
        assertThat(r.holderOf(equalTwin)).as("an equal BitSet that no field holds").isNull();
        assertThat(r.holderOf(held).field()).isEqualTo(7);
        assertThat(r.holderOf(held).owner().get()).isSameAs(owner);
    }

    @Test
    void theLastRegistrationWins_andForgetRemoves() {
        MutableRegistry r = new MutableRegistry();
        AtomicLong v = new AtomicLong();
        r.register(v, new Object(), 1);
        Object second = new Object();
        r.register(v, second, 2);
        assertThat(r.holderOf(v).field()).isEqualTo(2);
        r.forget(v);
        assertThat(r.holderOf(v)).isNull();
    }

    @Test
    void typesWithNothingRegisteredAreNotLookedUp() {
        MutableRegistry r = new MutableRegistry();
        r.register(new BitSet(), new Object(), 1);
        assertThat(r.holderOf(new StringBuilder())).isNull();
    }
}
