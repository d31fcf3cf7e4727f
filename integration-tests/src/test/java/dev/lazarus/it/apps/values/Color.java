package dev.lazarus.it.apps.values;

public enum Color { RED, GREEN, BLUE }
