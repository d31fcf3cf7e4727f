package dev.lazarus.sample.spring;

import dev.lazarus.Durable;
import dev.lazarus.Lazarus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop's HTTP interface. A response is sent only after the change returned, so a 200 is an
 * acknowledgement: after a crash the change is in the recovered state.
 */
@RestController
public class ShopController {
    /** A root: this bean is a singleton, so this field has one instance; after a restart it holds the recovered inventory. */
    @Durable
    private final Inventory inventory = new Inventory();

    @PostMapping(value = "/stock/{sku}", produces = MediaType.TEXT_PLAIN_VALUE)
    public String receive(@PathVariable("sku") String sku, @RequestParam("quantity") long quantity) {
        inventory.receive(sku, quantity);
        return "received " + quantity + " " + sku + "\n";
    }

    @PostMapping(value = "/orders", produces = MediaType.TEXT_PLAIN_VALUE)
    public String order(@RequestParam("client") String client, @RequestParam("number") long number,
                        @RequestParam("sku") String sku, @RequestParam("quantity") long quantity) {
        Order o = inventory.order(client, number, sku, quantity);
        return "order " + o.client() + " " + o.number() + " taken\n";
    }

    @GetMapping(value = "/inventory", produces = MediaType.TEXT_PLAIN_VALUE)
    public String inventory() {
        return inventory.report();
    }

    /** For operators: take a snapshot now (recovery then starts from it), and say how Lazarus is doing. */
    @PostMapping(value = "/admin/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    public String checkpoint() {
        Lazarus.checkpoint();
        return Lazarus.status() + "\n";
    }
}
