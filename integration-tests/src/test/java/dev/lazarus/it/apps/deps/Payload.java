package dev.lazarus.it.apps.deps;

import java.util.ArrayList;
import java.util.List;

/** What the app serialises with its own Kryo 4. */
public class Payload {
    String name;
    int n;
    List<String> tags = new ArrayList<>();

    public Payload() {
    }

    Payload(String name, int n, List<String> tags) {
        this.name = name;
        this.n = n;
        this.tags.addAll(tags);
    }

    @Override
    public String toString() {
        return "Payload(" + name + "," + n + "," + tags + ")";
    }
}
