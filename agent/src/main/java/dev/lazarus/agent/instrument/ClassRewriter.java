package dev.lazarus.agent.instrument;

import dev.lazarus.internal.engine.MutableValues;
import dev.lazarus.internal.record.FieldTable;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rewrites one class. A tracked class (the topmost of a tracked hierarchy) gets the injected
 * object id and the {@code Tracked} interface; every tracked class gets one static setter per
 * persistent field, which stores the value and reports it to {@code Hooks} with the field's number.
 * Every method goes through {@link MethodRewriter}.
 */
final class ClassRewriter extends ClassVisitor {
    private final TypeInfo types;
    private final ClassFacts self;
    private final boolean tracked;
    private final boolean topTracked;
    private final boolean rewriteArrays;
    /** For a subclass of a JDK collection: its superclass as written and as rewritten; else null. */
    private final CollectionSubclass collection;
    private final Map<String, String> bridges = new LinkedHashMap<>();
    /** Bridges around calls that change their receiver or an array argument → bridge name. */
    private final Map<Call, String> callBridges = new LinkedHashMap<>();
    private int version;
    private boolean changed;

    ClassRewriter(ClassVisitor next, TypeInfo types, ClassFacts self, boolean rewriteArrays) {
        super(Opcodes.ASM9, next);
        this.types = types;
        this.self = self;
        this.tracked = types.isTracked(self.name);
        this.collection = CollectionSubclass.of(types, self);
        // a collection subclass inherits the id and the Tracked interface from the tracked replacement
        this.topTracked = tracked && !types.isTracked(self.superName) && collection == null;
        this.rewriteArrays = rewriteArrays;
    }

    TypeInfo types() {
        return types;
    }

    boolean tracked() {
        return tracked;
    }

    boolean rewriteArrays() {
        return rewriteArrays;
    }

    /** The owner of an {@code invokespecial} of this class's superclass ({@code super(...)}, {@code super.put(...)}). */
    String superCallOwner(String owner) {
        return collection != null ? collection.superCallOwner(owner) : owner;
    }

    boolean isInterface() {
        return self.isInterface;
    }

    String name() {
        return self.name;
    }

    boolean hasFrames() {
        return (version & 0xFFFF) >= Opcodes.V1_6;
    }

    void changed() {
        changed = true;
    }

    boolean isChanged() {
        return changed;
    }

    /** A private static method in this class that calls {@code Arrays.name} and reports the array written. */
    String arraysBridge(String name, String descriptor) {
        return bridges.computeIfAbsent(name + descriptor, k -> Names.BRIDGE_PREFIX + bridges.size());
    }

    /**
     * An instance call that changes what Lazarus cannot see change: its receiver (a BitSet,
     * StringBuilder, atomic... held by a tracked field) or an array argument ({@link ArrayFillers}).
     * {@code writtenArgument} is the index of that array among the arguments, or -1.
     */
    record Call(int opcode, String owner, String name, String descriptor, boolean itf, boolean receiverMutated,
                int writtenArgument) {
    }

    /**
     * A private static method in this class that makes {@code call} on its first argument, then
     * reports the receiver to {@code Hooks.mutated} and/or the array argument to
     * {@code Hooks.arrayWrittenAll}; its descriptor is the call's with the receiver first.
     */
    String callBridge(Call call) {
        return callBridges.computeIfAbsent(call, k -> Names.CALL_PREFIX + callBridges.size());
    }

    static String withReceiver(String owner, String descriptor) {
        return "(L" + owner + ";" + descriptor.substring(1);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        this.version = version;
        if (collection != null) {
            superName = collection.newSuper();
            changed = true;
        }
        if (topTracked) {
            String[] withTracked = Arrays.copyOf(interfaces == null ? new String[0] : interfaces,
                    interfaces == null ? 1 : interfaces.length + 1);
            withTracked[withTracked.length - 1] = Names.TRACKED;
            interfaces = withTracked;
            changed = true;
        }
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (collection != null && CollectionSubclass.isEvictionPolicy(access, name, descriptor)) {
            mv = CollectionSubclass.noEvictionOnReplay(mv);
        }
        return new MethodRewriter(mv, this, access, name);
    }

    @Override
    public void visitEnd() {
        if (topTracked) {
            addObjectId();
        }
        if (tracked) {
            for (ClassFacts.FieldFacts f : self.fields.values()) {
                if (f.persistent()) {
                    addSetter(f);
                    changed = true;
                }
            }
        }
        if (collection != null) {
            collection.addRecoveryConstructor(cv, self.name);
        }
        bridges.forEach(this::addArraysBridge);
        callBridges.forEach(this::addCallBridge);
        changed |= !bridges.isEmpty() || !callBridges.isEmpty();
        super.visitEnd();
    }

    private void addObjectId() {
        super.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_TRANSIENT | Opcodes.ACC_SYNTHETIC, Names.OID, "J", null, null)
                .visitEnd();
        MethodVisitor get = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, Names.OID, "()J", null, null);
        get.visitCode();
        get.visitVarInsn(Opcodes.ALOAD, 0);
        get.visitFieldInsn(Opcodes.GETFIELD, self.name, Names.OID, "J");
        get.visitInsn(Opcodes.LRETURN);
        get.visitMaxs(2, 1);
        get.visitEnd();
        MethodVisitor set = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNTHETIC, Names.OID, "(J)V", null, null);
        set.visitCode();
        set.visitVarInsn(Opcodes.ALOAD, 0);
        set.visitVarInsn(Opcodes.LLOAD, 1);
        set.visitFieldInsn(Opcodes.PUTFIELD, self.name, Names.OID, "J");
        set.visitInsn(Opcodes.RETURN);
        set.visitMaxs(3, 3);
        set.visitEnd();
    }

    /**
     * {@code static void $lz$w$f(Owner self, T v) { self.f = v; Hooks.setX(self.$lz$oid, v, id); }}
     * Branch-free: the "attached?" test is inside the (inlined) hook. A reference field also keeps
     * its previous value, and puts it back if the hook throws (a value refused as untrackable, a log
     * that cannot be written): memory never keeps a value that the log did not get.
     */
    private void addSetter(ClassFacts.FieldFacts f) {
        Type t = Type.getType(f.descriptor());
        boolean reference = t.getSort() == Type.OBJECT || t.getSort() == Type.ARRAY;
        int id = FieldTable.id(self.name.replace('/', '.'), f.name(), f.descriptor());
        MethodVisitor mv = super.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                Names.setter(f.name()), "(L" + self.name + ";" + f.descriptor() + ")V", null, null);
        mv.visitCode();
        Label hookStart = new Label();
        Label hookEnd = new Label();
        Label restore = new Label();
        if (reference) {
            mv.visitTryCatchBlock(hookStart, hookEnd, restore, null);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, self.name, f.name(), f.descriptor());
            mv.visitVarInsn(Opcodes.ASTORE, 2);
        }
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), 1);
        mv.visitFieldInsn(Opcodes.PUTFIELD, self.name, f.name(), f.descriptor());
        mv.visitLabel(hookStart);
        if (MutableValues.mayHold(f.descriptor())) {
            // a field that can hold a BitSet, StringBuilder, atomic...: the hook also gets the owner,
            // to re-log the field when the value is mutated in place
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            loadOid(mv);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitLdcInsn(id);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, Names.HOOKS, "setOwned", "(Ljava/lang/Object;JLjava/lang/Object;I)V", false);
        } else {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            loadOid(mv);
            mv.visitVarInsn(t.getOpcode(Opcodes.ILOAD), 1);
            mv.visitLdcInsn(id);
            String hook;
            String valueDesc;
            switch (t.getSort()) {
                case Type.LONG: hook = "setLong"; valueDesc = "J"; break;
                case Type.DOUBLE: hook = "setDouble"; valueDesc = "D"; break;
                case Type.FLOAT: hook = "setFloat"; valueDesc = "F"; break;
                case Type.OBJECT:
                case Type.ARRAY: hook = "setObject"; valueDesc = "Ljava/lang/Object;"; break;
                default: hook = "setInt"; valueDesc = "I"; break;
            }
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, Names.HOOKS, hook, "(J" + valueDesc + "I)V", false);
        }
        mv.visitLabel(hookEnd);
        mv.visitInsn(Opcodes.RETURN);
        if (reference) {
            mv.visitLabel(restore);
            if (hasFrames()) {
                mv.visitFrame(Opcodes.F_FULL, 3, new Object[] {self.name, t.getInternalName(), t.getInternalName()},
                        1, new Object[] {"java/lang/Throwable"});
            }
            mv.visitVarInsn(Opcodes.ASTORE, 3);
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitVarInsn(Opcodes.ALOAD, 2);
            mv.visitFieldInsn(Opcodes.PUTFIELD, self.name, f.name(), f.descriptor());
            mv.visitVarInsn(Opcodes.ALOAD, 3);
            mv.visitInsn(Opcodes.ATHROW);
        }
        mv.visitMaxs(6, reference ? 4 : 1 + t.getSize());
        mv.visitEnd();
    }

    /** Stack: owner → its object id: the injected field, or, in a collection subclass, the replacement's accessor. */
    private void loadOid(MethodVisitor mv) {
        if (collection != null) {
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, self.name, Names.OID, "()J", false);
        } else {
            mv.visitFieldInsn(Opcodes.GETFIELD, self.name, Names.OID, "J");
        }
    }

    private void addCallBridge(Call call, String bridgeName) {
        String bridgeDescriptor = withReceiver(call.owner(), call.descriptor());
        MethodVisitor mv = super.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                bridgeName, bridgeDescriptor, null, null);
        mv.visitCode();
        int slot = 0;
        int writtenSlot = -1;
        Type[] args = Type.getArgumentTypes(bridgeDescriptor);
        for (int i = 0; i < args.length; i++) {
            if (call.writtenArgument() >= 0 && i == call.writtenArgument() + 1) {
                writtenSlot = slot;
            }
            mv.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slot);
            slot += args[i].getSize();
        }
        mv.visitMethodInsn(call.opcode(), call.owner(), call.name(), call.descriptor(), call.itf());
        // the call's result stays on the stack under what the hooks take
        if (call.receiverMutated()) {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, Names.HOOKS, "mutated", "(Ljava/lang/Object;)V", false);
        }
        if (writtenSlot >= 0) {
            mv.visitVarInsn(Opcodes.ALOAD, writtenSlot);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, Names.HOOKS, "arrayWrittenAll", "(Ljava/lang/Object;)V", false);
        }
        Type ret = Type.getReturnType(call.descriptor());
        mv.visitInsn(ret.getSort() == Type.VOID ? Opcodes.RETURN : ret.getOpcode(Opcodes.IRETURN));
        mv.visitMaxs(slot + 2, slot);
        mv.visitEnd();
    }

    private void addArraysBridge(String key, String bridgeName) {
        int paren = key.indexOf('(');
        String name = key.substring(0, paren);
        String descriptor = key.substring(paren);
        Type[] args = Type.getArgumentTypes(descriptor);
        MethodVisitor mv = super.visitMethod(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC,
                bridgeName, descriptor, null, null);
        mv.visitCode();
        int slot = 0;
        for (Type a : args) {
            mv.visitVarInsn(a.getOpcode(Opcodes.ILOAD), slot);
            slot += a.getSize();
        }
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Arrays", name, descriptor, false);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, Names.HOOKS, "arrayWrittenAll", "(Ljava/lang/Object;)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(slot + 1, slot);
        mv.visitEnd();
    }
}
