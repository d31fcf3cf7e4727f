package dev.lazarus.agent;

import dev.lazarus.agent.instrument.LazarusTransformer;
import dev.lazarus.internal.engine.ThirdParty;
import dev.lazarus.internal.hook.Hooks;
import dev.lazarus.internal.hook.Journal;
import dev.lazarus.internal.hook.Tracked;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loads the fixtures through the transformer in a child loader and watches the hooks they call. */
class TransformerTest {
    private final RecordingJournal journal = new RecordingJournal();
    private ClassLoader loader;

    @BeforeEach
    void install() {
        Hooks.install(journal);
        loader = new TransformingLoader(getClass().getClassLoader());
    }

    @AfterEach
    void uninstall() {
        Hooks.install(Journal.OFF);
    }

    @Test
    void trackedClassGetsAnIdAndItsWritesReportOnlyWhenAttached() throws Exception {
        Object counter = newInstance("Counter");
        assertThat(counter).isInstanceOf(Tracked.class);
        invoke(counter, "increment");
        assertThat(journal.calls).as("detached: silent").isEmpty();
        ((Tracked) counter).$lz$oid(7);
        invoke(counter, "increment");
        assertThat(journal.calls).containsExactly("setLong 7 2");
    }

    @Test
    void writesFromAnotherClassAndArrayStoresAreReported() throws Exception {
        Object counter = newInstance("Counter");
        ((Tracked) counter).$lz$oid(3);
        Class<?> outsider = loader.loadClass("dev.lazarus.agent.fixtures.Outsider");
        outsider.getMethod("poke", counter.getClass()).invoke(null, counter);
        // transient field: not reported; stores into other arrays in the same class (the initializer of
        // the copy's source, a local array) report too: the engine ignores arrays it does not track
        assertThat(journal.calls).containsExactly("setLong 3 42", "setObject 3 poked", "array 2 3", "array 0 4",
                "array 0 1", "array 1 2", "array 0 2", "array 0 1");
    }

    @Test
    void subclassFieldsAndInheritedFieldsAreReported() throws Exception {
        Object sub = newInstance("SubCounter");
        ((Tracked) sub).$lz$oid(9);
        Class<?> outsider = loader.loadClass("dev.lazarus.agent.fixtures.Outsider");
        outsider.getMethod("pokeSub", sub.getClass()).invoke(null, sub);
        assertThat(journal.calls).containsExactly("setLong 9 1", "setInt 9 1");
    }

    @Test
    void collectionsCreatedInTrackedClassesAreTracked() throws Exception {
        Object counter = newInstance("Counter");
        Object map = counter.getClass().getField("map").get(counter);
        assertThat(map).isInstanceOf(Tracked.class).isInstanceOf(java.util.HashMap.class);
    }

    @Test
    void rootAssignmentsGoThroughTheHookAndMayBeReplaced() throws Exception {
        journal.rootReplacement = "replaced";
        assertThatThrownBy(() -> loader.loadClass("dev.lazarus.agent.fixtures.Holder").getField("root").get(null))
                .as("a replacement of the wrong type fails the checkcast").hasRootCauseInstanceOf(ClassCastException.class);
        journal.calls.clear();
        journal.rootReplacement = null;
        loader = new TransformingLoader(getClass().getClassLoader());
        Object root = loader.loadClass("dev.lazarus.agent.fixtures.Holder").getField("root").get(null);
        assertThat(journal.calls).containsExactly("root Holder.root " + root, "root Holder.primitiveRoot 5");
    }

    @Test
    void primitiveRootsAreBoxedThroughTheHook() throws Exception {
        Class<?> holder = loader.loadClass("dev.lazarus.agent.fixtures.Holder");
        assertThat(holder.getField("primitiveRoot").getLong(null)).isEqualTo(5);
        assertThat(journal.calls).anyMatch(c -> c.startsWith("root Holder.root")).contains("root Holder.primitiveRoot 5");
    }

    @Test
    void atomicMethodsAreBracketedAlsoOnThrowAndNested() throws Exception {
        Class<?> holder = loader.loadClass("dev.lazarus.agent.fixtures.Holder");
        holder.getField("root").get(null);
        journal.calls.clear();
        Object counter = newInstance("Counter");
        ((Tracked) counter).$lz$oid(1);
        holder.getMethod("twice", counter.getClass()).invoke(null, counter);
        assertThat(journal.calls).containsExactly("begin", "setLong 1 1", "begin", "setLong 1 2", "end", "end");
        journal.calls.clear();
        assertThatThrownBy(() -> holder.getMethod("failing", counter.getClass()).invoke(null, counter))
                .isInstanceOf(InvocationTargetException.class).hasRootCauseMessage("boom");
        assertThat(journal.calls).containsExactly("begin", "setLong 1 3", "end");
        journal.calls.clear();
        assertThat(holder.getMethod("caught", counter.getClass()).invoke(null, counter)).isEqualTo(4);
        assertThat(journal.calls).as("a caught exception does not end the transaction early")
                .containsExactly("begin", "setLong 1 4", "end");
    }

    @Test
    void instanceRootAssignmentsPassTheInstanceAndTheKeyField_primitivesBoxed() throws Exception {
        Class<?> shard = loader.loadClass("dev.lazarus.agent.fixtures.Shard");
        Object a = shard.getConstructor(String.class, int.class).newInstance("a", 1);
        String id = "Shard@" + System.identityHashCode(a);
        assertThat(journal.calls).containsExactly(
                "instanceRoot " + id + " Shard.store key=name " + shard.getField("store").get(a),
                "instanceRoot " + id + " Shard.total key=id 7");
        assertThat(shard.getField("total").getLong(a)).isEqualTo(7);
    }

    @Test
    void assigningAnotherInstancesRootPassesThatInstance() throws Exception {
        Class<?> shard = loader.loadClass("dev.lazarus.agent.fixtures.Shard");
        Object a = shard.getConstructor(String.class, int.class).newInstance("a", 1);
        Object b = shard.getConstructor(String.class, int.class).newInstance("b", 2);
        Object counter = newInstance("Counter");
        journal.calls.clear();
        shard.getMethod("giveTo", shard, counter.getClass()).invoke(a, b, counter);
        assertThat(journal.calls).containsExactly("instanceRoot Shard@" + System.identityHashCode(b)
                + " Shard.store key=name " + counter);
        assertThat(shard.getField("store").get(b)).isSameAs(counter);
    }

    @Test
    void anUnkeyedInstanceRootGoesThroughTheInstanceHookAndTakesItsReplacement() throws Exception {
        journal.rootReplacement = newInstance("Counter");
        journal.calls.clear();
        Object single = newInstance("Single");
        assertThat(journal.calls).containsExactly("instanceRoot Single@" + System.identityHashCode(single)
                + " Single.store key=null " + journal.calls.get(0).substring(journal.calls.get(0).lastIndexOf(' ') + 1));
        assertThat(single.getClass().getField("store").get(single)).isSameAs(journal.rootReplacement);
    }

    @Test
    void aKeyedRootByConfigurationPassesItsKeyField() throws Exception {
        loader = new TransformingLoader(getClass().getClassLoader(),
                ThirdParty.parse(null, "dev.lazarus.agent.fixtures.Library.wiring[count]", null));
        invoke(newInstance("Library"), "bump");
        assertThat(journal.calls).anyMatch(c -> c.startsWith("instanceRoot Library@") && c.contains(" Library.wiring key=count "));
    }

    @Test
    void badKeyedRootsAreReportedWhenTheirClassLoads() throws IOException {
        assertThat(LazarusTransformer.rootKeyProblems(getClass().getClassLoader(), ThirdParty.NONE, bytes("BadKeys")))
                .hasSize(4)
                .anyMatch(p -> p.contains("BadKeys.a is keyed by missing, which is not a field"))
                .anyMatch(p -> p.contains("BadKeys.b is keyed by tags of type int[]"))
                .anyMatch(p -> p.contains("BadKeys.c is keyed by shared, a static field"))
                .anyMatch(p -> p.contains("BadKeys.d is static but keyed by name"));
        assertThat(LazarusTransformer.rootKeyProblems(getClass().getClassLoader(), ThirdParty.NONE, bytes("Shard"))).isEmpty();
        assertThat(LazarusTransformer.rootKeyProblems(getClass().getClassLoader(),
                ThirdParty.parse(null, "dev.lazarus.agent.fixtures.Library.wiring[nope]", null), bytes("Library")))
                .singleElement().asString().contains("keyed by nope");
    }

    private static final ThirdParty LIBRARY = ThirdParty.parse("dev.lazarus.agent.fixtures.Lib*", null,
            "dev.lazarus.agent.fixtures.Library.wiring");

    @Test
    void aClassNamedByClassesIsTracked_andItsExcludedFieldIsNeverReported() throws Exception {
        loader = new TransformingLoader(getClass().getClassLoader(), LIBRARY);
        Object lib = newInstance("Library");
        assertThat(lib).isInstanceOf(Tracked.class);
        ((Tracked) lib).$lz$oid(4);
        invoke(lib, "bump");
        assertThat(journal.calls).containsExactly("setLong 4 1");
    }

    @Test
    void aMutatingCallOnAMutableJdkValueIsReportedAfterItRan_andFieldsThatCanHoldOneReportTheirOwner() throws Exception {
        loader = new TransformingLoader(getClass().getClassLoader(), LIBRARY);
        Object lib = newInstance("Library");
        ((Tracked) lib).$lz$oid(4);
        assertThat(lib.getClass().getMethod("flip", int.class).invoke(lib, 3)).isEqualTo(true);
        lib.getClass().getMethod("hold", Object.class).invoke(lib, "x");
        assertThat(journal.calls).containsExactly("mutated {3}", "setObject 4 x");
    }

    @Test
    void withoutTheConfigurationTheSameClassIsLeftUntouched() throws IOException {
        assertThat(LazarusTransformer.rewrite(getClass().getClassLoader(), bytes("Library"))).isNull();
        assertThat(LazarusTransformer.rewrite(getClass().getClassLoader(), LIBRARY, bytes("Plain"))).isNull();
    }

    @Test
    void classesThatTouchNoTrackedStateAreLeftUntouched() throws IOException {
        assertThat(LazarusTransformer.rewrite(getClass().getClassLoader(), bytes("Plain"))).isNull();
    }

    private Object newInstance(String simpleName) throws Exception {
        return loader.loadClass("dev.lazarus.agent.fixtures." + simpleName).getConstructor().newInstance();
    }

    private static void invoke(Object target, String method) throws Exception {
        Method m = target.getClass().getMethod(method);
        m.invoke(target);
    }

    static byte[] bytes(String simpleName) throws IOException {
        try (InputStream in = TransformerTest.class.getResourceAsStream("fixtures/" + simpleName + ".class")) {
            return in.readAllBytes();
        }
    }

    /** Child-first for the fixtures, which it loads through the transformer. */
    private static final class TransformingLoader extends ClassLoader {
        private final ThirdParty config;

        TransformingLoader(ClassLoader parent) {
            this(parent, ThirdParty.NONE);
        }

        TransformingLoader(ClassLoader parent, ThirdParty config) {
            super(parent);
            this.config = config;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.lazarus.agent.fixtures.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try {
                        byte[] original = bytes(name.substring(name.lastIndexOf('.') + 1));
                        byte[] rewritten = LazarusTransformer.rewrite(this, config, original);
                        byte[] b = rewritten != null ? rewritten : original;
                        c = defineClass(name, b, 0, b.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }

}
