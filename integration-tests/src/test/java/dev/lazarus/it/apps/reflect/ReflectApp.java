package dev.lazarus.it.apps.reflect;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Row: writes by reflection ({@code Field.set*}, what Jackson, Gson or a DI container does) to the
 * private fields of a tracked object, of every kind: primitives through their own setters and through
 * {@code set} with a boxed value (widened), a String, a new tracked object (attached by the write), an
 * array, a field of a tracked superclass; and a static root assigned by reflection, which gets its
 * recovered state back as an assignment in code does. No field is ever written in code.
 */
public class ReflectApp {
    @Durable
    static Holder holder = new Holder();

    @Durable
    static Item viaReflection;

    public static void main(String[] args) throws Exception {
        Field root = ReflectApp.class.getDeclaredField("viaReflection");
        root.set(null, new Item("fresh", 0)); // recovery gives back the logged state here, as in code
        Harness.run(args, new Harness.Scenario() {
            @Override
            public List<String> state() {
                List<String> lines = new ArrayList<>();
                for (String f : new String[] {"count", "total", "ratio", "weight", "flag", "letter", "small", "tiny", "name",
                        "item", "numbers"}) {
                    lines.add(f + "=" + Show.v(get(f)));
                }
                lines.add("inherited=" + holder.inherited);
                lines.add("root=" + Show.v(viaReflection));
                return lines;
            }

            @Override
            public void build() throws Exception {
                field("count").setInt(holder, 41);
                field("total").setLong(holder, -5_000_000_000L);
                field("ratio").setDouble(holder, 0.25);
                field("weight").set(holder, 2.5f);
                field("flag").setBoolean(holder, true);
                field("letter").setChar(holder, 'z');
                field("small").setShort(holder, (short) -7);
                field("tiny").setByte(holder, (byte) 9);
                field("name").set(holder, "set by reflection");
                field("item").set(holder, new Item("attached", 3));
                field("numbers").set(holder, new int[] {7, 8});
                field("count").set(holder, (byte) 42); // widened by the JDK: the field holds 42
                Field inherited = Base.class.getDeclaredField("inherited");
                inherited.setAccessible(true);
                inherited.setLong(holder, 77);
                Field qty = Item.class.getDeclaredField("qty");
                qty.setAccessible(true);
                qty.setInt(viaReflection, 5);
                field("scratch").setInt(holder, 1); // transient: not logged, and not refused
            }
        });
    }

    static Field field(String name) throws NoSuchFieldException {
        Field f = Holder.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    static Object get(String name) {
        try {
            return field(name).get(holder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
