package dev.lazarus.internal.record;

import dev.lazarus.internal.hook.Tracked;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each place of a record accepts only the classes Lazarus writes there, checked before any of their code runs. */
class RecoveryClassesTest {
    /** Set by the static initialiser of {@link Gadget}: whether any of its code ran. */
    static volatile boolean gadgetInitialised;

    static class Gadget implements Comparator<Object> {
        static {
            gadgetInitialised = true;
        }

        @Override
        public int compare(Object a, Object b) {
            return 0;
        }
    }

    static class FakeTracked implements Tracked {
        @Override
        public long $lz$oid() {
            return 0;
        }

        @Override
        public void $lz$oid(long oid) {
        }
    }

    record Point(int x, int y) {
    }

    enum Color { RED }

    private static Class<?> uninitialisedGadget() throws ClassNotFoundException {
        return Class.forName(Gadget.class.getName(), false, RecoveryClassesTest.class.getClassLoader());
    }

    @Test
    void anUntrackedClassIsRefusedInEveryPlaceExceptAsAComparatorOfTheApplication() throws Exception {
        Class<?> gadget = uninitialisedGadget();
        for (Consumer<Class<?>> check : java.util.List.<Consumer<Class<?>>>of(RecoveryClasses::checkTracked,
                RecoveryClasses::checkCollection, RecoveryClasses::checkEnum, RecoveryClasses::checkTime,
                RecoveryClasses::checkRecord)) {
            assertThatThrownBy(() -> check.accept(gadget))
                    .isInstanceOf(ForbiddenClassException.class)
                    .hasMessageContaining("recovery refused class " + Gadget.class.getName())
                    .satisfies(e -> assertThat(((ForbiddenClassException) e).className()).isEqualTo(gadget.getName()));
        }
        assertThat(gadgetInitialised).as("checking ran none of its code").isFalse();
    }

    @Test
    void whatLazarusWritesIsAccepted() {
        assertThatCode(() -> {
            RecoveryClasses.checkTracked(FakeTracked.class);
            RecoveryClasses.checkCollection(HashMap.class);
            RecoveryClasses.checkCollection(ArrayList.class);
            RecoveryClasses.checkEnum(TimeUnit.class);
            RecoveryClasses.checkEnum(Color.class);
            RecoveryClasses.checkTime(LocalDate.class);
            RecoveryClasses.checkRecord(Point.class);
            RecoveryClasses.checkComparator(Gadget.class);
        }).doesNotThrowAnyException();
    }

    @Test
    void jdkClassesOutsideTheTableAreRefused() {
        assertThatThrownBy(() -> RecoveryClasses.checkTracked(java.util.HashMap.class)).isInstanceOf(ForbiddenClassException.class);
        assertThatThrownBy(() -> RecoveryClasses.checkCollection(java.util.Vector.class)).isInstanceOf(ForbiddenClassException.class);
        assertThatThrownBy(() -> RecoveryClasses.checkCollection(ProcessBuilder.class)).isInstanceOf(ForbiddenClassException.class);
        assertThatThrownBy(() -> RecoveryClasses.checkTime(java.time.Clock.class)).isInstanceOf(ForbiddenClassException.class);
        assertThatThrownBy(() -> RecoveryClasses.checkComparator(String.CASE_INSENSITIVE_ORDER.getClass()))
                .isInstanceOf(ForbiddenClassException.class);
    }
}
