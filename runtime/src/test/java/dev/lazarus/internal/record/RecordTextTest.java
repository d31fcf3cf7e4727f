package dev.lazarus.internal.record;

import dev.lazarus.internal.hook.CollectionOp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's decoding of records: names from the dictionary, values as text, no class loaded. */
class RecordTextTest {
    private final RecordText text = new RecordText(false);

    private RecordText.Decoded decode(int type, long tx, java.util.function.Consumer<RecordBuffer> body) {
        RecordBuffer b = new RecordBuffer(64);
        b.putByte(type);
        b.putVarLong(tx);
        body.accept(b);
        return text.decode(b.array(), 0, b.length());
    }

    private void defineAccount() {
        decode(RecordType.RUN_START, 0, b -> b.putLong(1_000));
        decode(RecordType.CLASS, 0, b -> {
            b.putVarInt(1);
            b.putString("com.example.Account"); // not on the class path: nothing is loaded
        });
        decode(RecordType.FIELD, 0, b -> {
            b.putVarInt(3);
            b.putString("com.example.Account");
            b.putString("balance");
            b.putString("J");
        });
        decode(RecordType.FIELD, 0, b -> {
            b.putVarInt(4);
            b.putString("com.example.Account");
            b.putString("owner");
            b.putString("Ljava/lang/String;");
        });
    }

    @Test
    void aKeyedRootIsShownAsItsClassAndItsFieldWithTheKey_whateverTheKeyHolds() {
        decode(RecordType.RUN_START, 0, b -> b.putLong(1_000));
        RecordText.Decoded root = decode(RecordType.ROOT, 0, b -> {
            b.putString("com.example.Shard.journal[\"eu.west\"]");
            ValueCodec.write(b, "x", null);
        });
        assertThat(root.className()).isEqualTo("com.example.Shard");
        assertThat(root.field()).isEqualTo("journal[\"eu.west\"]");
        RecordText.Decoded unkeyed = decode(RecordType.ROOT, 0, b -> {
            b.putString("com.example.App.bank");
            ValueCodec.write(b, "x", null);
        });
        assertThat(unkeyed.className()).isEqualTo("com.example.App");
        assertThat(unkeyed.field()).isEqualTo("bank");
    }

    @Test
    void namesObjectsFieldsAndValuesFromTheDictionary() {
        defineAccount();
        RecordText.Decoded created = decode(RecordType.NEW, 5, b -> {
            b.putVarLong(17);
            b.putVarInt(1);
            b.putByte(0);
        });
        assertThat(created).isEqualTo(new RecordText.Decoded("NEW", 5, 17, "com.example.Account", null, "new", null));
        RecordText.Decoded image = decode(RecordType.IMAGE, 5, b -> {
            b.putVarLong(17);
            b.putVarInt(2);
            b.putVarInt(3);
            b.putZigZag(-250);
            b.putVarInt(4);
            ValueCodec.write(b, "a \"b\"", null);
        });
        assertThat(image.value()).isEqualTo("{balance=-250, owner=\"a \\\"b\\\"\"}");
        assertThat(image.field()).isEqualTo("balance,owner");
        RecordText.Decoded set = decode(RecordType.SET, 0, b -> {
            b.putVarLong(17);
            b.putVarInt(4);
            ValueCodec.write(b, List.of(1L, "x"), null);
        });
        assertThat(set).isEqualTo(new RecordText.Decoded("SET", 0, 17, "com.example.Account", "owner", "List.of(1L, \"x\")", null));
        RecordText.Decoded put = decode(RecordType.COLLECTION, 0, b -> {
            b.putVarLong(9);
            b.putVarInt(CollectionOp.MAP_PUT);
            b.putZigZag(0);
            ValueCodec.write(b, "k", null);
            ValueCodec.write(b, 42, null);
        });
        assertThat(put.value()).isEqualTo("put \"k\" -> 42");
        decode(RecordType.ARRAY_NEW, 0, b -> {
            b.putVarLong(30);
            b.putString("I");
            b.putVarInt(4);
        });
        RecordText.Decoded elements = decode(RecordType.ARRAY_SET, 0, b -> {
            b.putVarLong(30);
            b.putVarInt(1);
            b.putVarInt(2);
            b.putZigZag(7);
            b.putZigZag(-8);
        });
        assertThat(elements).isEqualTo(new RecordText.Decoded("ARRAY_SET", 0, 30, "int[]", null, "[1..3) = [7, -8]", null));
    }

    @Test
    void anUndefinedNumberIsAProblemOnlyWhereTheDictionaryIsKnown() {
        RecordText.Decoded before = decode(RecordType.SET, 0, b -> {
            b.putVarLong(17);
            b.putVarInt(3);
            b.putZigZag(1);
        });
        assertThat(before.problem()).as("a log whose first files were deleted: %s", before).isNull();
        assertThat(before.value()).contains("field #3, defined in log files deleted since");

        defineAccount();
        RecordText.Decoded after = decode(RecordType.NEW, 0, b -> {
            b.putVarLong(18);
            b.putVarInt(2);
            b.putByte(0);
        });
        assertThat(after.className()).isEqualTo("class#2");
        assertThat(after.problem()).isEqualTo("class number 2 used but not defined in this run");
        RecordText.Decoded truncated = decode(RecordType.SET, 0, b -> b.putVarLong(17));
        assertThat(truncated.problem()).startsWith("cannot decode: record ends early");
    }
}
