package dev.lazarus.it.apps.values;

import dev.lazarus.Durable;

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
import java.util.UUID;

/**
 * One field of every value kind DESIGN §2 lists. Every initial value differs from what the
 * scenarios write, so that a field whose writes were lost shows up.
 */
@Durable
public class Values {
    int i = 1, iMin = 1, iMax = 1;
    long l = 1, lMin = 1, lMax = 1;
    boolean z, zBack = true;
    byte b = 1, bMin = 1, bMax = 1;
    char c = 'a', cMax = 'a', cZero = 'a', cUnicode = 'a';
    short s = 1, sMin = 1, sMax = 1;
    float f = 1, fNaN = 1, fNegZero = 1, fMin = 1, fMax = 1, fNegInf = 1;
    double d = 1, dNaN = 1, dNegZero = 1, dMin = 1, dMinNormal = 1, dMax = 1, dPosInf = 1;

    String str = "init", empty = "init", unicode = "init", nullStr = "init", longStr = "init";

    Integer boxI = 1, boxNull = 1;
    Long boxL = 1L;
    Boolean boxZ = false;
    Byte boxB = 1;
    Character boxC = 'a';
    Short boxS = 1;
    Float boxF = 1f;
    Double boxD = 1d;
    Number number = 1;
    Object object = "init";

    Color color = Color.RED, colorNull = Color.RED;
    Op op = Op.PLUS, opBody = Op.FIRST;

    BigDecimal dec = BigDecimal.ONE, decScale = BigDecimal.ONE, decNeg = BigDecimal.ONE;
    BigInteger big = BigInteger.ONE, bigNeg = BigInteger.ONE;

    Instant instant = Instant.EPOCH, instantBeforeEpoch = Instant.EPOCH;
    LocalDate date = LocalDate.EPOCH;
    LocalTime time = LocalTime.MIDNIGHT;
    LocalDateTime dateTime = LocalDateTime.of(2000, 1, 1, 0, 0);
    ZonedDateTime zoned = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    OffsetDateTime offsetDateTime = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    Duration duration = Duration.ZERO;
    Period period = Period.ZERO;
    Year year = Year.of(2000);
    YearMonth yearMonth = YearMonth.of(2000, 1);
    MonthDay monthDay = MonthDay.of(1, 1);
    ZoneId zone = ZoneOffset.UTC;
    ZoneOffset zoneOffset = ZoneOffset.UTC;

    UUID uuid = new UUID(0, 0);

    Point point = new Point(0, 0, "init");
    Point pointNull = new Point(0, 0, "init");
    Line line;
    Stamp stamp;

    /** Every field written from inside the class. */
    public void setAll() {
        i = 42;
        i = -123_456_789; // the last write wins
        iMin = Integer.MIN_VALUE;
        iMax = Integer.MAX_VALUE;
        l = 9_876_543_210_123L;
        lMin = Long.MIN_VALUE;
        lMax = Long.MAX_VALUE;
        z = true;
        zBack = false;
        b = -7;
        bMin = Byte.MIN_VALUE;
        bMax = Byte.MAX_VALUE;
        c = 'Z';
        cMax = Character.MAX_VALUE;
        cZero = '\0';
        cUnicode = '\u00e9';
        s = -12_345;
        sMin = Short.MIN_VALUE;
        sMax = Short.MAX_VALUE;
        f = 3.14159f;
        fNaN = Float.NaN;
        fNegZero = -0.0f;
        fMin = Float.MIN_VALUE;
        fMax = Float.MAX_VALUE;
        fNegInf = Float.NEGATIVE_INFINITY;
        d = -2.718281828459045;
        dNaN = Double.NaN;
        dNegZero = -0.0;
        dMin = Double.MIN_VALUE;
        dMinNormal = Double.MIN_NORMAL;
        dMax = Double.MAX_VALUE;
        dPosInf = Double.POSITIVE_INFINITY;

        str = "hello, world";
        empty = "";
        unicode = "h\u00e9llo \u65e5\u672c\u8a9e \ud83d\ude00 \u0000 tab\t \"q\" \\";
        nullStr = null;
        longStr = "x".repeat(70_000) + "\u00ff";

        boxI = Integer.MIN_VALUE;
        boxNull = null;
        boxL = Long.MAX_VALUE;
        boxZ = true;
        boxB = (byte) -128;
        boxC = '\u20ac';
        boxS = (short) -1;
        boxF = -0.0f;
        boxD = Double.NaN;
        number = new BigDecimal("-0.000");
        object = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");

        color = Color.BLUE;
        colorNull = null;
        op = Op.FIRST;
        opBody = Op.MINUS;

        dec = new BigDecimal("12345678901234567890.123456789");
        decScale = new BigDecimal("1.10");
        decNeg = new BigDecimal("-1E+5");
        big = new BigInteger("123456789012345678901234567890");
        bigNeg = BigInteger.TWO.pow(200).negate();

        instant = Instant.ofEpochSecond(1_700_000_000L, 123_456_789);
        instantBeforeEpoch = Instant.ofEpochSecond(-1, 1);
        date = LocalDate.of(-44, 3, 15);
        time = LocalTime.of(23, 59, 59, 999_999_999);
        dateTime = LocalDateTime.of(2024, 2, 29, 12, 34, 56, 7);
        zoned = ZonedDateTime.of(2024, 10, 27, 2, 30, 0, 0, ZoneId.of("Europe/Paris")).withLaterOffsetAtOverlap();
        offsetDateTime = OffsetDateTime.of(2023, 12, 31, 23, 0, 0, 1000, ZoneOffset.ofHoursMinutes(-9, -30));
        duration = Duration.ofSeconds(-5, 123);
        period = Period.of(1, -2, 3);
        year = Year.of(-1000);
        yearMonth = YearMonth.of(1999, 12);
        monthDay = MonthDay.of(2, 29);
        zone = ZoneId.of("Asia/Kolkata");
        zoneOffset = ZoneOffset.ofHoursMinutes(5, 45);

        uuid = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");

        point = new Point(-3, Integer.MAX_VALUE, "p\u00f6int");
        pointNull = null;
        line = new Line(new Point(1, 2, "a"), new Point(3, 4, null), Color.GREEN, -0.0);
        stamp = new Stamp(Instant.ofEpochMilli(1_000_000_000_123L), new BigDecimal("99.990"),
                UUID.fromString("00000000-0000-0001-0000-000000000002"), Op.PLUS, null, LocalDate.of(2020, 2, 29),
                "", '\uffff');
    }
}
