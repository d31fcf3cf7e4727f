package dev.lazarus.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.openhft.chronicle.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** The one frame of a redo record: what is written reads back whole; any damage is named. */
class RecordFrameTest {
    private static Bytes<?> framed(byte[] payload) {
        Bytes<?> doc = Bytes.allocateElasticOnHeap(64);
        RecordFrame.write(doc, RecordFrame.checksum(payload, 0, payload.length), payload, 0, payload.length);
        return doc;
    }

    @Test
    void aWrittenFrameReadsBackWhole() {
        byte[] payload = "a redo record".getBytes(StandardCharsets.UTF_8);
        Bytes<?> doc = framed(payload);
        assertThat(doc.readRemaining()).isEqualTo(payload.length + RecordFrame.OVERHEAD);
        assertThat(RecordFrame.isWhole(doc)).isTrue();
        assertThat(doc.readPosition()).as("isWhole reads nothing").isZero();
        RecordFrame frame = new RecordFrame();
        assertThat(frame.read(doc)).isNull();
        assertThat(Arrays.copyOf(frame.payload(), frame.length())).isEqualTo(payload);
    }

    @Test
    void aFlippedBitIsACrcMismatch() {
        byte[] payload = new byte[300]; // more than the reader's first buffer
        Arrays.fill(payload, (byte) 7);
        for (int at : new int[] {0, 3, 4, 303}) { // in the checksum and in the payload
            Bytes<?> doc = framed(payload);
            doc.writeByte(at, (byte) (doc.readByte(at) ^ 0x10));
            assertThat(RecordFrame.isWhole(doc)).as("flipped at %d", at).isFalse();
            assertThat(new RecordFrame().read(doc)).as("flipped at %d", at).isEqualTo("CRC mismatch");
        }
    }

    @Test
    void aDocumentShorterThanTheChecksumIsTooShort() {
        Bytes<?> doc = Bytes.allocateElasticOnHeap(8);
        doc.writeByte((byte) 1).writeByte((byte) 2);
        assertThat(RecordFrame.isWhole(doc)).isFalse();
        assertThat(new RecordFrame().read(doc)).isEqualTo("record of 2 bytes is too short");
    }

    @Test
    void anEmptyPayloadIsAWholeFrame() {
        assertThat(new RecordFrame().read(framed(new byte[0]))).isNull();
    }
}
