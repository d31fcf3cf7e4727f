package dev.lazarus.agent.instrument;

import dev.lazarus.internal.collection.TrackedCollections;
import dev.lazarus.internal.engine.MutableValues;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;

/**
 * Rewrites one method: writes to tracked fields go through the declaring class's generated setter,
 * assignments of root fields through {@code Hooks.root}, element stores into arrays through
 * {@code Hooks.store*} (in classes that touch tracked arrays), {@code new HashMap()} and friends in
 * tracked classes become tracked collections, and {@code @Atomic} methods are bracketed by
 * {@code Hooks.begin()} and {@code Hooks.end()} (the end also on a throw).
 *
 * <p>Every replacement has the stack effect of the instruction it replaces, so the method's stack
 * map frames stay valid; only the {@code @Atomic} handler adds a frame of its own.
 */
final class MethodRewriter extends MethodVisitor {
    private static final Set<String> ARRAYS_MUTATORS = Set.of("fill", "sort", "parallelSort", "setAll",
            "parallelSetAll", "parallelPrefix");

    private final ClassRewriter cls;
    private final boolean constructor;
    private final boolean hasCode;
    private boolean atomic;
    /** False in a constructor until its super(...) or this(...) call: `this` cannot be passed before. */
    private boolean thisInitialized;
    /** NEW instructions waiting for their constructor call: {original type, replacement or null}. */
    private final Deque<String[]> pendingNew = new ArrayDeque<>();
    private Label bodyStart;

    MethodRewriter(MethodVisitor mv, ClassRewriter cls, int access, String name) {
        super(Opcodes.ASM9, mv);
        this.cls = cls;
        this.constructor = name.equals("<init>");
        this.hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
        this.thisInitialized = !constructor;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        if (ClassFacts.ATOMIC.equals(descriptor) && !constructor) {
            atomic = true;
        }
        return super.visitAnnotation(descriptor, visible);
    }

    @Override
    public void visitCode() {
        super.visitCode();
        if (atomic && hasCode) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Names.HOOKS, "begin", "()V", false);
            bodyStart = new Label();
            super.visitLabel(bodyStart);
            cls.changed();
        }
    }

    @Override
    public void visitInsn(int opcode) {
        if (atomic && opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Names.HOOKS, "end", "()V", false);
        }
        if (cls.rewriteArrays() && storeHook(opcode) != null) {
            String[] hook = storeHook(opcode);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Names.HOOKS, hook[0], hook[1], false);
            cls.changed();
            return;
        }
        super.visitInsn(opcode);
    }

    private static String[] storeHook(int opcode) {
        switch (opcode) {
            case Opcodes.IASTORE: return new String[] {"storeInt", "([III)V"};
            case Opcodes.LASTORE: return new String[] {"storeLong", "([JIJ)V"};
            case Opcodes.FASTORE: return new String[] {"storeFloat", "([FIF)V"};
            case Opcodes.DASTORE: return new String[] {"storeDouble", "([DID)V"};
            case Opcodes.CASTORE: return new String[] {"storeChar", "([CIC)V"};
            case Opcodes.SASTORE: return new String[] {"storeShort", "([SIS)V"};
            case Opcodes.BASTORE: return new String[] {"storeByte", "(Ljava/lang/Object;II)V"};
            case Opcodes.AASTORE: return new String[] {"storeObject", "([Ljava/lang/Object;ILjava/lang/Object;)V"};
            default: return null;
        }
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
        if ((opcode == Opcodes.PUTFIELD && thisInitialized) || opcode == Opcodes.PUTSTATIC) {
            Optional<ClassFacts.FieldFacts> resolved = cls.types().resolveField(owner, name, descriptor);
            if (resolved.isPresent()) {
                ClassFacts.FieldFacts f = resolved.get();
                if (f.durable() && !f.distributed() && opcode == Opcodes.PUTFIELD) {
                    emitInstanceRootHook(f, cls.types().rootKey(f));
                    super.visitFieldInsn(opcode, owner, name, descriptor);
                    cls.changed();
                    return;
                }
                if (f.durable() || f.distributed()) {
                    emitRootHook(f, f.distributed() ? "distributed" : "root");
                    super.visitFieldInsn(opcode, owner, name, descriptor);
                    cls.changed();
                    return;
                }
                if (opcode == Opcodes.PUTFIELD && cls.types().isTrackedField(f)) {
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, f.owner(), Names.setter(name),
                            "(L" + f.owner() + ";" + descriptor + ")V", false);
                    cls.changed();
                    return;
                }
            }
        }
        super.visitFieldInsn(opcode, owner, name, descriptor);
    }

    /**
     * Stack: value → the value to store: for a root, the recovered one on the first assignment of a
     * run; for a {@code @Distributed} map, the map that stands for it (see {@code Hooks.distributed}).
     */
    private void emitRootHook(ClassFacts.FieldFacts f, String hook) {
        Type type = Type.getType(f.descriptor());
        box(type);
        super.visitLdcInsn(Type.getObjectType(f.owner()));
        super.visitLdcInsn(f.name());
        super.visitMethodInsn(Opcodes.INVOKESTATIC, Names.HOOKS, hook,
                "(Ljava/lang/Object;Ljava/lang/Class;Ljava/lang/String;)Ljava/lang/Object;", false);
        unbox(type);
    }

    /**
     * Stack: instance, value → instance, the value to store. The hook needs the instance (whose
     * state the root stands for, and whose key field names it), so the pair is duplicated, the hook
     * consumes the copy, and the original value under its result is dropped. Values are boxed first,
     * so every slot is one word and DUP2/SWAP apply.
     */
    private void emitInstanceRootHook(ClassFacts.FieldFacts f, String keyField) {
        Type type = Type.getType(f.descriptor());
        box(type);
        super.visitInsn(Opcodes.DUP2);
        super.visitLdcInsn(Type.getObjectType(f.owner()));
        super.visitLdcInsn(f.name());
        if (keyField == null) {
            super.visitInsn(Opcodes.ACONST_NULL);
        } else {
            super.visitLdcInsn(keyField);
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, Names.HOOKS, "instanceRoot",
                "(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Class;Ljava/lang/String;Ljava/lang/String;)Ljava/lang/Object;", false);
        super.visitInsn(Opcodes.SWAP);
        super.visitInsn(Opcodes.POP);
        unbox(type);
    }

    /** A primitive on the stack becomes its box: the hooks take and return Object. */
    private void box(Type type) {
        if (type.getSort() < Type.ARRAY) {
            Type box = boxOf(type);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, box.getInternalName(), "valueOf",
                    "(" + type.getDescriptor() + ")" + box.getDescriptor(), false);
        }
    }

    /** The hook's Object result back to the field's type. */
    private void unbox(Type type) {
        if (type.getSort() < Type.ARRAY) {
            Type box = boxOf(type);
            super.visitTypeInsn(Opcodes.CHECKCAST, box.getInternalName());
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, box.getInternalName(), type.getClassName() + "Value",
                    "()" + type.getDescriptor(), false);
        } else {
            super.visitTypeInsn(Opcodes.CHECKCAST, type.getSort() == Type.ARRAY ? type.getDescriptor() : type.getInternalName());
        }
    }

    private static Type boxOf(Type primitive) {
        switch (primitive.getSort()) {
            case Type.BOOLEAN: return Type.getObjectType("java/lang/Boolean");
            case Type.CHAR: return Type.getObjectType("java/lang/Character");
            case Type.BYTE: return Type.getObjectType("java/lang/Byte");
            case Type.SHORT: return Type.getObjectType("java/lang/Short");
            case Type.INT: return Type.getObjectType("java/lang/Integer");
            case Type.FLOAT: return Type.getObjectType("java/lang/Float");
            case Type.LONG: return Type.getObjectType("java/lang/Long");
            case Type.DOUBLE: return Type.getObjectType("java/lang/Double");
            default: throw new IllegalArgumentException(primitive.toString());
        }
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        if (opcode == Opcodes.NEW) {
            String replacement = cls.tracked() ? TrackedCollections.trackedNameFor(type) : null;
            pendingNew.push(new String[] {type, replacement});
            if (replacement != null) {
                cls.changed();
                super.visitTypeInsn(opcode, replacement);
                return;
            }
        }
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
        if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
            if (!pendingNew.isEmpty()) {
                String[] created = pendingNew.pop();
                if (created[1] != null && created[0].equals(owner)) {
                    super.visitMethodInsn(opcode, created[1], name, descriptor, false);
                    return;
                }
            } else {
                if (constructor) {
                    thisInitialized = true; // the super(...) or this(...) call
                }
                owner = cls.superCallOwner(owner); // the class's visit() records the change of superclass
            }
        } else if (opcode == Opcodes.INVOKESPECIAL) {
            owner = cls.superCallOwner(owner); // super.put(...) in a collection subclass
        } else if ((opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE) && !cls.isInterface()
                && !owner.startsWith("[")) {
            // a BitSet, StringBuilder, atomic... changed in place, or a JDK method that fills a tracked
            // array: the bridge calls, then reports the receiver or the array
            boolean receiver = opcode == Opcodes.INVOKEVIRTUAL && MutableValues.isMutator(owner, name);
            int written = cls.rewriteArrays() ? ArrayFillers.writtenArgument(name, descriptor) : -1;
            if (receiver || written >= 0) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, cls.name(), cls.callBridge(new ClassRewriter.Call(opcode,
                        owner, name, descriptor, isInterface, receiver, written)),
                        ClassRewriter.withReceiver(owner, descriptor), false);
                cls.changed();
                return;
            }
        } else if (opcode == Opcodes.INVOKESTATIC && cls.tracked() && isSizedFactory(owner, name, descriptor)
                && TrackedCollections.trackedNameFor(owner) != null) {
            emitSizedFactory(TrackedCollections.trackedNameFor(owner));
            cls.changed();
            return;
        } else if (cls.rewriteArrays() && opcode == Opcodes.INVOKESTATIC) {
            if (owner.equals("java/lang/System") && name.equals("arraycopy")) {
                super.visitMethodInsn(opcode, Names.HOOKS, "arraycopy", descriptor, false);
                cls.changed();
                return;
            }
            if (owner.equals("java/util/Arrays") && name.equals("asList")) {
                // a list view that writes through to a possibly tracked array: its writes are reported too
                super.visitMethodInsn(opcode, Names.HOOKS, name, descriptor, false);
                cls.changed();
                return;
            }
            if (owner.equals("java/util/Arrays") && ARRAYS_MUTATORS.contains(name) && descriptor.startsWith("([")
                    && !cls.isInterface()) {
                super.visitMethodInsn(opcode, cls.name(), cls.arraysBridge(name, descriptor), descriptor, false);
                cls.changed();
                return;
            }
        }
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    }

    /** Java 19's {@code HashMap.newHashMap(int)}, {@code LinkedHashSet.newLinkedHashSet(int)}...: a {@code new} in disguise. */
    private static boolean isSizedFactory(String owner, String name, String descriptor) {
        return name.equals("new" + owner.substring(owner.lastIndexOf('/') + 1)) && descriptor.equals("(I)L" + owner + ";");
    }

    /**
     * Stack: n → a new tracked collection sized for n entries without a resize, as the factory
     * computes it ({@code (int) Math.ceil(n / 0.75)}); the JDK checks n >= 0 in the constructor.
     */
    private void emitSizedFactory(String tracked) {
        super.visitInsn(Opcodes.I2D);
        super.visitLdcInsn(0.75d);
        super.visitInsn(Opcodes.DDIV);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", "ceil", "(D)D", false);
        super.visitInsn(Opcodes.D2I);
        super.visitTypeInsn(Opcodes.NEW, tracked);
        super.visitInsn(Opcodes.DUP_X1);
        super.visitInsn(Opcodes.SWAP);
        super.visitMethodInsn(Opcodes.INVOKESPECIAL, tracked, "<init>", "(I)V", false);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (bodyStart != null) {
            Label bodyEnd = new Label();
            Label handler = new Label();
            super.visitLabel(bodyEnd);
            // added last, so the method's own handlers keep precedence
            super.visitTryCatchBlock(bodyStart, bodyEnd, handler, null);
            super.visitLabel(handler);
            if (cls.hasFrames()) {
                // the handler needs no locals: an empty frame is valid whatever the body did with them
                super.visitFrame(Opcodes.F_FULL, 0, new Object[0], 1, new Object[] {"java/lang/Throwable"});
            }
            super.visitMethodInsn(Opcodes.INVOKESTATIC, Names.HOOKS, "end", "()V", false);
            super.visitInsn(Opcodes.ATHROW);
        }
        super.visitMaxs(maxStack, maxLocals);
    }
}
