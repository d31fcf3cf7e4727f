package dev.lazarus.it.apps.hostile;

import dev.lazarus.Durable;
import dev.lazarus.Lazarus;

import java.util.ArrayList;
import java.util.List;

/**
 * For the hostile-file tests: {@code fill} adds three {@link Goods}, {@code checkpoint} takes a
 * snapshot, {@code ready} prints READY and waits to be killed, {@code check} prints the items as
 * {@code STATE} lines, then {@code CHECKED}, and exits.
 */
public class VaultApp {
    @Durable
    static Vault vault = new Vault();

    @Durable
    public static class Vault {
        final List<Goods> items = new ArrayList<>();
    }

    public static void main(String[] args) throws Exception {
        for (String step : args) {
            switch (step) {
                case "fill":
                    for (int i = 0; i < 3; i++) {
                        vault.items.add(new Goods("item" + i, i * 10L));
                    }
                    break;
                case "checkpoint":
                    Lazarus.checkpoint();
                    System.out.println("CHECKPOINTED");
                    break;
                case "ready":
                    System.out.println("READY");
                    Thread.sleep(600_000);
                    break;
                case "check":
                    for (Goods g : vault.items) {
                        System.out.println("STATE " + g.name + "=" + g.count);
                    }
                    System.out.println("CHECKED");
                    break;
                default:
                    throw new IllegalArgumentException(step);
            }
        }
    }
}
