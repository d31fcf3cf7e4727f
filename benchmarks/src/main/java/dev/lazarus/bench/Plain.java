package dev.lazarus.bench;

/** The same shape, untracked: the plain-write baseline. */
public class Plain {
    long value;
}
