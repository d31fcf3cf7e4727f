package dev.lazarus.agent.instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks the keyed roots of a class as it loads ({@code @Durable(key = ...)}, {@code roots=...[key]}):
 * the root must be an instance field, and its key an instance field of the class or a superclass
 * whose type can key a root. A mistake found only at the first assignment would surface late, maybe
 * in a library's worker thread, so it is reported when the class loads, like a misspelt option.
 */
final class RootKeyCheck {
    private RootKeyCheck() {
    }

    /** One sentence per problem, empty when every keyed root of {@code cls} (configured) is sound. */
    static List<String> problems(ClassFacts cls, TypeInfo types) {
        List<String> problems = new ArrayList<>();
        String className = cls.name.replace('/', '.');
        cls.rootKeys.forEach((rootName, keyName) -> {
            String root = className + "." + rootName;
            Optional<ClassFacts.FieldFacts> rootField = cls.fields.values().stream()
                    .filter(f -> f.name().equals(rootName)).findFirst();
            if (rootField.isPresent() && rootField.get().isStatic()) {
                problems.add("root " + root + " is static but keyed by " + keyName
                        + ": a static field has one state; remove the key");
                return;
            }
            Optional<ClassFacts.FieldFacts> key = find(cls, keyName, types);
            if (key.isEmpty()) {
                problems.add("root " + root + " is keyed by " + keyName + ", which is not a field of " + className
                        + " or its superclasses (its fields: " + cls.fieldNames() + ")");
            } else if (key.get().isStatic()) {
                problems.add("root " + root + " is keyed by " + keyName + ", a static field: the key must tell"
                        + " instances apart, so it must be an instance field");
            } else if (!keyType(key.get().descriptor())) {
                problems.add("root " + root + " is keyed by " + keyName + " of type "
                        + net.bytebuddy.jar.asm.Type.getType(key.get().descriptor()).getClassName()
                        + ": a key is a primitive, String, enum or UUID");
            }
        });
        return problems;
    }

    private static Optional<ClassFacts.FieldFacts> find(ClassFacts cls, String name, TypeInfo types) {
        for (Optional<ClassFacts> c = Optional.of(cls); c.isPresent(); c = types.facts(c.get().superName)) {
            Optional<ClassFacts.FieldFacts> f = c.get().fields.values().stream().filter(x -> x.name().equals(name)).findFirst();
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }

    /** Arrays and collections cannot key a root; other reference types may be enums, checked at the assignment. */
    private static boolean keyType(String descriptor) {
        return !descriptor.startsWith("[") && !descriptor.startsWith("Ljava/") || descriptor.equals("Ljava/lang/String;")
                || descriptor.equals("Ljava/util/UUID;") || descriptor.matches("Ljava/lang/(Integer|Long|Short|Byte|Character"
                + "|Boolean|Float|Double);");
    }
}
