package dev.lazarus.bench.recovery;

import dev.lazarus.Durable;

/** One small tracked object of the recovery and footprint figures: an id and a value. */
@Durable
public class Cell {
    int id;
    long value;

    public Cell() {
    }

    Cell(int id, long value) {
        this.id = id;
        this.value = value;
    }
}
