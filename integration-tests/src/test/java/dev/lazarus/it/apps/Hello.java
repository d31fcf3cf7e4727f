package dev.lazarus.it.apps;

/** Prints that its main ran, and exits: for start-up tests. */
public class Hello {
    public static void main(String[] args) {
        System.out.println("MAIN RAN");
    }
}
