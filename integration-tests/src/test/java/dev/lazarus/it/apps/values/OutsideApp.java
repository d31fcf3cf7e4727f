package dev.lazarus.it.apps.values;

import dev.lazarus.Durable;
import dev.lazarus.it.apps.Harness;
import dev.lazarus.it.apps.Show;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Row: field writes from outside the tracked class: from this untracked class's static method,
 * a lambda, an anonymous class, a static nested class, another thread, another top-level class,
 * compound assignments ({@code +=}, {@code ++}), and a subclass writing inherited fields.
 */
public class OutsideApp {
    @Durable
    static Values values = new Values();
    @Durable
    static Derived derived = new Derived();

    static final class Nested {
        static void enumsAndBigNumbers(Values v) {
            v.color = Color.GREEN;
            v.colorNull = null;
            v.op = Op.FIRST;
            v.opBody = Op.PLUS;
            v.dec = new BigDecimal("-98765.4321000");
            v.decScale = new BigDecimal("0E-10");
            v.decNeg = new BigDecimal("-7");
            v.big = BigInteger.valueOf(Long.MIN_VALUE).subtract(BigInteger.ONE);
            v.bigNeg = BigInteger.ZERO;
        }
    }

    public static void main(String[] args) throws Exception {
        Harness.run(args, new Harness.Scenario() {
            @Override
            public List<String> state() {
                List<String> out = new ArrayList<>(Show.fields(values));
                out.addAll(Show.fields(derived));
                return out;
            }

            @Override
            public void build() throws Exception {
                writeAll(values);
                derived.baseCount = 5;          // an inherited field, through the subclass
                derived.bump();                 // the subclass writes its superclass's fields
                ((Base) derived).baseName += "!";
                derived.own *= 3;
            }
        });
    }

    static void writeAll(Values v) throws Exception {
        // primitives, from this static method
        v.i = 7;
        v.iMin = Integer.MIN_VALUE;
        v.iMax = Integer.MAX_VALUE;
        v.l = -1;
        v.lMin = Long.MIN_VALUE;
        v.lMax = Long.MAX_VALUE;
        v.z = true;
        v.zBack = false;
        v.b = 100;
        v.bMin = Byte.MIN_VALUE;
        v.bMax = Byte.MAX_VALUE;
        v.c = 'q';
        v.cMax = Character.MAX_VALUE;
        v.cZero = '\0';
        v.cUnicode = '\u4e2d';
        v.s = 300;
        v.sMin = Short.MIN_VALUE;
        v.sMax = Short.MAX_VALUE;
        v.f = -1.5e-3f;
        v.fNaN = Float.NaN;
        v.fNegZero = -0.0f;
        v.fMin = Float.MIN_VALUE;
        v.fMax = -Float.MAX_VALUE;
        v.fNegInf = Float.NEGATIVE_INFINITY;
        v.d = 1e300;
        v.dNaN = Double.NaN;
        v.dNegZero = -0.0;
        v.dMin = Double.MIN_VALUE;
        v.dMinNormal = -Double.MIN_NORMAL;
        v.dMax = Double.MAX_VALUE;
        v.dPosInf = Double.POSITIVE_INFINITY;
        // compound assignments read the field and write it back
        v.i += 35;
        v.l++;
        v.b += 3;
        v.c++;
        v.s--;
        v.f /= 4;
        v.d *= -2;
        v.z = !v.z;
        v.z = !v.z;

        // strings, from a lambda (a synthetic method of this class)
        Runnable strings = () -> {
            v.str = "outside";
            v.empty = "";
            v.unicode = "\u00fcber \ud83c\udf89 \u05e9\u05dc\u05d5\u05dd";
            v.nullStr = null;
            v.longStr = "y".repeat(100_000);
        };
        strings.run();

        // boxed values and polymorphic fields, from an anonymous class
        new Runnable() {
            @Override
            public void run() {
                v.boxI = 0;
                v.boxNull = null;
                v.boxL = -1L;
                v.boxZ = true;
                v.boxB = (byte) 127;
                v.boxC = '\0';
                v.boxS = Short.MIN_VALUE;
                v.boxF = Float.NaN;
                v.boxD = -0.0;
                v.number = 12345678901L;
                v.object = java.time.Month.JULY;
            }
        }.run();

        // enums and big numbers, from a static nested class
        Nested.enumsAndBigNumbers(v);

        // java.time values, from another thread
        Thread t = new Thread(() -> {
            v.instant = Instant.MAX;
            v.instantBeforeEpoch = Instant.MIN;
            v.date = LocalDate.MAX;
            v.time = LocalTime.NOON;
            v.dateTime = LocalDateTime.of(1969, 7, 20, 20, 17, 40);
            v.zoned = ZonedDateTime.of(2021, 3, 28, 1, 59, 59, 999_000_000, ZoneId.of("America/New_York"));
            v.offsetDateTime = OffsetDateTime.MIN;
            v.duration = Duration.ofDays(-3).plusNanos(1);
            v.period = Period.ofMonths(-14);
            v.year = Year.of(Year.MAX_VALUE);
            v.yearMonth = YearMonth.of(2024, 2);
            v.monthDay = MonthDay.of(12, 31);
            v.zone = ZoneId.of("America/Argentina/Buenos_Aires");
            v.zoneOffset = ZoneOffset.MIN;
        }, "writer");
        t.start();
        t.join();

        // UUIDs and records, from another top-level class
        ValueWriter.uuidsAndRecords(v);
    }
}
