package dev.lazarus.it.apps.values;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An untracked top-level class that writes fields of a tracked object. */
final class ValueWriter {
    private ValueWriter() {
    }

    static void uuidsAndRecords(Values v) {
        v.uuid = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        v.point = new Point(7, -7, "outside \u00e7a");
        v.pointNull = null;
        v.line = new Line(new Point(0, 0, ""), new Point(-1, -1, "\u2603"), Color.RED, Double.NEGATIVE_INFINITY);
        v.stamp = new Stamp(Instant.ofEpochSecond(-86_400, 999), new BigDecimal("-0.5"), new UUID(-1, 1), Op.MINUS,
                Long.MIN_VALUE, LocalDate.of(1970, 1, 1), "st\u00e4mp", 'x');
    }
}
