package dev.lazarus.it.apps.reach;

import dev.lazarus.Durable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Durable
public class Registry {
    final Map<String, Item> items = new LinkedHashMap<>();
    final List<Item> list = new ArrayList<>();
    Item later;
    Item[] slots = new Item[2];
}
