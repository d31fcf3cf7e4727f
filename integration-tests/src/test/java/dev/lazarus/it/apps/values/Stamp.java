package dev.lazarus.it.apps.values;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A record of the other value kinds, one component null. */
public record Stamp(Instant at, BigDecimal amount, UUID id, Op op, Long maybe, LocalDate day, String note, char mark) {
}
