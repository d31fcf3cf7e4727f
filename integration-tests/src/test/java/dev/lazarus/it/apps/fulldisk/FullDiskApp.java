package dev.lazarus.it.apps.fulldisk;

import dev.lazarus.Durable;
import dev.lazarus.Lazarus;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fills the disk: {@code fill DIR/go} writes (with a checkpoint after the tenth) 2 KB values and a counter, printing {@code ACK i} after
 * each counter write returned, until a write fails ({@code FAILED i message}); then tries a
 * checkpoint ({@code CHECKPOINTED} or {@code CHECKPOINT-FAILED message}), prints {@code BLOCKED},
 * waits for the file {@code DIR/go}, tries one more write ({@code RETRY-ACK} or {@code RETRY-FAILED})
 * and waits to be killed. {@code check} prints {@code COUNT n}, writes n + 1, prints {@code WROTE}
 * and {@code CHECKED} and exits.
 */
public class FullDiskApp {
    @Durable
    static Journal journal = new Journal();

    @Durable
    public static class Journal {
        long count;
        String blob;
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("check")) {
            System.out.println("COUNT " + journal.count);
            journal.count = journal.count + 1;
            System.out.println("WROTE");
            System.out.println("CHECKED");
            System.exit(0);
        }
        Path go = Path.of(args[1]);
        String big = "x".repeat(2048);
        long i = journal.count;
        try {
            while (true) {
                i++;
                journal.blob = big + i;
                journal.count = i;
                System.out.println("ACK " + i);
                if (i == 10) {
                    Lazarus.checkpoint(); // a snapshot that must survive the failed one
                }
            }
        } catch (RuntimeException e) {
            System.out.println("FAILED " + i + " " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            Lazarus.checkpoint();
            System.out.println("CHECKPOINTED");
        } catch (RuntimeException e) {
            System.out.println("CHECKPOINT-FAILED " + e);
        }
        System.out.println("BLOCKED");
        while (!Files.exists(go)) {
            Thread.sleep(20);
        }
        try {
            journal.count = i + 1000;
            System.out.println("RETRY-ACK");
        } catch (RuntimeException e) {
            System.out.println("RETRY-FAILED " + e.getMessage());
        }
        System.out.println("READY");
        Thread.sleep(600_000);
    }
}
