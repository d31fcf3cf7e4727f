package dev.lazarus.internal.engine;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstanceRootsTest {
    /** A class with an instance root {@code store}, keyed (or not) by {@code name}. */
    static final class Server {
        String name;
        int db;
        UUID id;
        Object store;

        Server(String name) {
            this.name = name;
        }
    }

    private final InstanceRoots roots = new InstanceRoots();

    @Test
    void anUnkeyedRootAssignedByASecondLiveInstanceIsRefusedNamingClassFieldAndFix() {
        Server first = new Server("a");
        assertThat(roots.claim(first, Server.class, "store", null)).isEqualTo(Server.class.getName() + ".store");
        assertThatThrownBy(() -> roots.claim(new Server("b"), Server.class, "store", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("root " + Server.class.getName() + ".store")
                .hasMessageContaining("second live instance")
                .hasMessageContaining("@Durable(key = ")
                .hasMessageContaining("roots=" + Server.class.getName() + ".store[keyField]");
        assertThat(first.name).isEqualTo("a");
    }

    @Test
    void theSameInstanceMayAssignItsRootAgain() {
        Server first = new Server("a");
        roots.claim(first, Server.class, "store", null);
        assertThat(roots.claim(first, Server.class, "store", null)).isEqualTo(Server.class.getName() + ".store");
    }

    @Test
    void anInstanceThatWasCollectedNoLongerHoldsItsRoot() throws InterruptedException {
        WeakReference<Server> gone = claimAndDrop();
        for (int i = 0; i < 50 && gone.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertThat(gone.get()).as("collected").isNull();
        assertThat(roots.claim(new Server("b"), Server.class, "store", null)).isEqualTo(Server.class.getName() + ".store");
    }

    private WeakReference<Server> claimAndDrop() {
        Server first = new Server("a");
        roots.claim(first, Server.class, "store", null);
        return new WeakReference<>(first);
    }

    @Test
    void keyedRootsAreNamedByTheKeyValue_eachInstanceItsOwn() {
        assertThat(roots.claim(new Server("a"), Server.class, "store", "name")).isEqualTo(Server.class.getName() + ".store[\"a\"]");
        assertThat(roots.claim(new Server("b"), Server.class, "store", "name")).isEqualTo(Server.class.getName() + ".store[\"b\"]");
        Server five = new Server("c");
        five.db = 5;
        assertThat(roots.claim(five, Server.class, "store", "db")).isEqualTo(Server.class.getName() + ".store[5]");
    }

    @Test
    void twoLiveInstancesWithTheSameKeyAreRefusedNamingTheKey() {
        Server first = new Server("a");
        roots.claim(first, Server.class, "store", "name");
        assertThatThrownBy(() -> roots.claim(new Server("a"), Server.class, "store", "name"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Server.class.getName() + ".store[\"a\"]")
                .hasMessageContaining("same key (name = \"a\")")
                .hasMessageContaining("different name");
    }

    @Test
    void anUnsetKeyIsRefusedNamingTheKeyField() {
        assertThatThrownBy(() -> roots.claim(new Server(null), Server.class, "store", "name"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("key field name of " + Server.class.getName() + " is null")
                .hasMessageContaining("root " + Server.class.getName() + ".store")
                .hasMessageContaining("assign name before store");
        assertThatThrownBy(() -> roots.claim(new Server("a"), Server.class, "store", "id"))
                .hasMessageContaining("key field id");
    }

    @Test
    void aKeyFieldThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> roots.claim(new Server("a"), Server.class, "store", "nope"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keyed by nope, which is not an instance field");
    }
}
