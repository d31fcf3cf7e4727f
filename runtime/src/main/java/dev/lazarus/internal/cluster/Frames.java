package dev.lazarus.internal.cluster;

import dev.lazarus.internal.record.WireCodec;
import org.jgroups.ViewId;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The messages members exchange, as bytes: a request starts with its type and the map's name;
 * keys and values use the redo log's value encoding ({@link WireCodec}), so they are the same
 * values Lazarus logs, and classes are resolved by the receiving map's class loader.
 */
final class Frames {
    static final byte PUT = 1, GET = 2, TRANSFER = 3, ENTRIES = 4, DONE = 5;
    static final byte OK = 0, NOT_READY = 1, WRONG_VIEW = 2;

    private Frames() {
    }

    /** Builds one message. */
    static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        private final DataOutputStream out = new DataOutputStream(bytes);

        Out(byte type) {
            u(() -> out.writeByte(type));
        }

        Out string(String s) {
            u(() -> out.writeUTF(s));
            return this;
        }

        Out integer(int i) {
            u(() -> out.writeInt(i));
            return this;
        }

        Out number(long l) {
            u(() -> out.writeLong(l));
            return this;
        }

        Out viewId(ViewId id) {
            u(() -> id.writeTo(out));
            return this;
        }

        Out value(Object v) {
            byte[] b = WireCodec.encode(v);
            u(() -> {
                out.writeInt(b.length);
                out.write(b);
            });
            return this;
        }

        /** A versioned entry; a tombstone carries no value. */
        Out entry(Object key, Versioned e) {
            value(key);
            number(e.version());
            u(() -> out.writeBoolean(e.tombstone()));
            if (!e.tombstone()) {
                value(e.value());
            }
            return this;
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }

        private void u(IoAction a) {
            try {
                a.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e); // a byte array stream does not fail
            }
        }
    }

    /** Reads one message. */
    static final class In {
        private final DataInputStream in;

        In(byte[] array, int offset, int length) {
            in = new DataInputStream(new ByteArrayInputStream(array, offset, length));
        }

        byte type() throws IOException {
            return in.readByte();
        }

        String string() throws IOException {
            return in.readUTF();
        }

        int integer() throws IOException {
            return in.readInt();
        }

        long number() throws IOException {
            return in.readLong();
        }

        ViewId viewId() throws IOException {
            ViewId id = new ViewId();
            try {
                id.readFrom(in);
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
            return id;
        }

        Object value(ClassLoader loader) throws IOException {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            return WireCodec.decode(b, loader);
        }

        Map.Entry<Object, Versioned> entry(ClassLoader loader) throws IOException {
            Object key = value(loader);
            long version = in.readLong();
            boolean tombstone = in.readBoolean();
            return Map.entry(key, new Versioned(version, tombstone ? null : value(loader)));
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }
}
