package dev.lazarus.sample.spring;

/** An order taken: a value (Lazarus logs records of plain values whole). */
public record Order(String client, long number, String sku, long quantity) {
}
