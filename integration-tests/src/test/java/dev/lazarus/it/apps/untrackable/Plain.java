package dev.lazarus.it.apps.untrackable;

/** Not tracked: handles on its fields are the application's business. */
public class Plain {
    volatile long hits;
}
