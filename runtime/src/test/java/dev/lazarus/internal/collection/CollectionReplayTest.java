package dev.lazarus.internal.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lazarus.internal.hook.CollectionOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CollectionReplayTest {
    @Test
    void appliesEachOpThroughTheStandardInterfaces() {
        Map<String, Integer> map = new LinkedHashMap<>(16, 0.75f, true);
        CollectionReplay.apply(map, CollectionOp.MAP_PUT, 0, "a", 1);
        CollectionReplay.apply(map, CollectionOp.MAP_PUT, 0, "b", 2);
        CollectionReplay.apply(map, CollectionOp.MAP_TOUCH, 0, "a", null);
        assertThat(map.keySet()).containsExactly("b", "a");
        CollectionReplay.apply(map, CollectionOp.MAP_REMOVE, 0, "b", null);
        assertThat(map).containsExactly(Map.entry("a", 1));
        CollectionReplay.apply(map, CollectionOp.CLEAR, 0, null, null);
        assertThat(map).isEmpty();

        Set<String> set = new TreeSet<>();
        CollectionReplay.apply(set, CollectionOp.SET_ADD, 0, "b", null);
        CollectionReplay.apply(set, CollectionOp.SET_ADD, 0, "a", null);
        CollectionReplay.apply(set, CollectionOp.SET_REMOVE, 0, "b", null);
        assertThat(set).containsExactly("a");

        List<String> list = new ArrayList<>();
        CollectionReplay.apply(list, CollectionOp.LIST_ADD, 0, "b", null);
        CollectionReplay.apply(list, CollectionOp.LIST_ADD, 0, "a", null);
        CollectionReplay.apply(list, CollectionOp.LIST_ADD, 2, "c", null);
        CollectionReplay.apply(list, CollectionOp.LIST_SET, 1, "B", null);
        CollectionReplay.apply(list, CollectionOp.LIST_REMOVE, 0, null, null);
        assertThat(list).containsExactly("B", "c");

        ArrayDeque<String> deque = new ArrayDeque<>();
        CollectionReplay.apply(deque, CollectionOp.DEQUE_ADD_LAST, 0, "b", null);
        CollectionReplay.apply(deque, CollectionOp.DEQUE_ADD_FIRST, 0, "a", null);
        CollectionReplay.apply(deque, CollectionOp.DEQUE_ADD_LAST, 0, "a", null);
        CollectionReplay.apply(deque, CollectionOp.DEQUE_ADD_LAST, 0, "c", null);
        CollectionReplay.apply(deque, CollectionOp.DEQUE_ADD_LAST, 0, "a", null);
        CollectionReplay.apply(deque, CollectionOp.DEQUE_REMOVE_LAST_OCCURRENCE, 0, "a", null);
        CollectionReplay.apply(deque, CollectionOp.DEQUE_REMOVE_FIRST_OCCURRENCE, 0, "a", null);
        assertThat(deque).containsExactly("b", "a", "c");
        CollectionReplay.apply(deque, CollectionOp.DEQUE_REMOVE_FIRST, 0, null, null);
        CollectionReplay.apply(deque, CollectionOp.DEQUE_REMOVE_LAST, 0, null, null);
        assertThat(deque).containsExactly("a");
    }

    /** Java 21's putFirst/putLast/addFirst/addLast, written by a 21+ JVM, replay on any JDK (17 too). */
    @Test
    void sequencedOpsReplayWithoutJava21() {
        java.util.LinkedHashMap<Object, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            m.put(i, "v" + i);
        }
        CollectionReplay.apply(m, CollectionOp.MAP_PUT_FIRST, 0, 3, "x");
        CollectionReplay.apply(m, CollectionOp.MAP_PUT_FIRST, 0, 9, "y");
        CollectionReplay.apply(m, CollectionOp.MAP_PUT_LAST, 0, 9, "z");
        CollectionReplay.apply(m, CollectionOp.MAP_PUT_LAST, 0, 1, "w");
        assertThat(m.toString()).isEqualTo("{3=x, 2=v2, 4=v4, 9=z, 1=w}");
        java.util.LinkedHashMap<Object, Object> access = new java.util.LinkedHashMap<>(16, 0.75f, true);
        access.put(1, 1);
        access.put(2, 2);
        CollectionReplay.apply(access, CollectionOp.MAP_PUT_FIRST, 0, 2, 5);
        assertThat(access.toString()).isEqualTo("{2=5, 1=1}");
        java.util.LinkedHashSet<Object> s = new java.util.LinkedHashSet<>(List.of(1, 2, 3));
        CollectionReplay.apply(s, CollectionOp.SET_ADD_FIRST, 0, 3, null);
        CollectionReplay.apply(s, CollectionOp.SET_ADD_LAST, 0, 3, null);
        CollectionReplay.apply(s, CollectionOp.SET_ADD_FIRST, 0, 7, null);
        CollectionReplay.apply(s, CollectionOp.SET_ADD_LAST, 0, 1, null);
        assertThat(s).containsExactly(7, 2, 3, 1);
    }

    @Test
    void resetReplacesTheWholeContent() {
        Map<String, Integer> map = new HashMap<>(Map.of("z", 0));
        CollectionReplay.apply(map, CollectionOp.RESET, 0, new Object[] {"a", 1, "b", null}, null);
        assertThat(map).containsOnly(Map.entry("a", 1), new java.util.AbstractMap.SimpleEntry<>("b", null));

        List<String> list = new LinkedList<>(List.of("z"));
        CollectionReplay.apply(list, CollectionOp.RESET, 0, new Object[] {"a", "b", "a"}, null);
        assertThat(list).containsExactly("a", "b", "a");

        Set<String> set = new LinkedHashSet<>(List.of("z"));
        CollectionReplay.apply(set, CollectionOp.RESET, 0, new Object[] {"b", "a"}, null);
        assertThat(set).containsExactly("b", "a");

        ArrayDeque<String> deque = new ArrayDeque<>(List.of("z"));
        CollectionReplay.apply(deque, CollectionOp.RESET, 0, new Object[0], null);
        assertThat(deque).isEmpty();
    }

    @Test
    void mismatchesAreClearErrors() {
        Map<String, Integer> map = new HashMap<>();
        List<String> list = new ArrayList<>(List.of("a"));
        assertThatThrownBy(() -> CollectionReplay.apply(map, CollectionOp.LIST_SET, 0, "a", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("LIST_SET")
                .hasMessageContaining("java.util.List").hasMessageContaining("java.util.HashMap");
        assertThatThrownBy(() -> CollectionReplay.apply(list, CollectionOp.MAP_PUT, 0, "a", 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MAP_PUT");
        assertThatThrownBy(() -> CollectionReplay.apply(list, CollectionOp.SET_ADD, 0, "a", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("java.util.Set");
        assertThatThrownBy(() -> CollectionReplay.apply(list, CollectionOp.DEQUE_ADD_FIRST, 0, "a", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("java.util.Deque");
        assertThatThrownBy(() -> CollectionReplay.apply(map, 999, 0, null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown collection op 999");
        assertThatThrownBy(() -> CollectionReplay.apply(map, 0, 0, null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown");
        assertThatThrownBy(() -> CollectionReplay.apply("text", CollectionOp.CLEAR, 0, null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("java.lang.String");
        assertThatThrownBy(() -> CollectionReplay.apply(null, CollectionOp.CLEAR, 0, null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> CollectionReplay.apply(list, CollectionOp.LIST_SET, 1, "b", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("index 1");
        assertThatThrownBy(() -> CollectionReplay.apply(list, CollectionOp.LIST_ADD, 2, "b", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("index 2");
        assertThatThrownBy(() -> CollectionReplay.apply(list, CollectionOp.LIST_REMOVE, -1, null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("index -1");
        assertThatThrownBy(() -> CollectionReplay.apply(list, CollectionOp.RESET, 0, "not an array", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Object[]");
        assertThatThrownBy(() -> CollectionReplay.apply(map, CollectionOp.RESET, 0, new Object[] {"a"}, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pairs");
        assertThatThrownBy(() -> CollectionReplay.apply(new ArrayDeque<>(), CollectionOp.DEQUE_REMOVE_FIRST, 0, null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> CollectionReplay.apply(new ArrayDeque<>(), CollectionOp.DEQUE_REMOVE_LAST, 0, null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("empty");
        assertThat(list).containsExactly("a");
    }
}
