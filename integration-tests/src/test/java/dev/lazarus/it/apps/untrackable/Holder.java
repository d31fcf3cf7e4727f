package dev.lazarus.it.apps.untrackable;

import dev.lazarus.Durable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

@Durable
public class Holder {
    String name = "holder";
    long plain;
    LongAdder text;
    LongAdder counter;
    Map<String, String> map;
    Carrier carrier;
    final List<Object> items = new ArrayList<>();

    void counterInside() {
        counter = new LongAdder();
    }
}
