package dev.lazarus.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring Boot sample, started as a fat jar ({@code java -javaagent:... -jar app.jar}): its classes
 * come from Spring's own class loader, its root is an instance field of a singleton bean. Two HTTP
 * clients place orders; the JVM is killed with {@code kill -9} at a random moment, twice (the first
 * time after a snapshot taken through the app's checkpoint endpoint, so the second recovery loads
 * it); after each restart every unit received is in stock or in an order, and every acknowledged
 * order (HTTP 200) is there.
 */
class SpringBootIT {
    static final Path SPRING_JAR = Path.of(System.getProperty("lazarus.spring.jar",
            "../sample-spring/target/lazarus-sample-spring.jar"));
    private static final Duration START = Duration.ofSeconds(120);
    private static final int CRASHES = 2;
    private static final List<String> CLIENTS = List.of("alice", "bob");
    private static final long STOCK = 1_000_000;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyAcknowledgedOrderSurvivesKill9OfTheFatJar() throws Exception {
        Path dir = AgentJvm.workDir("spring").resolve("state");
        Random random = new Random(20261126);
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        for (int cycle = 0; cycle <= CRASHES; cycle++) {
            try (AgentJvm jvm = AgentJvm.jar(SPRING_JAR).dir(dir).args("--server.port=0").start()) {
                String ready = jvm.awaitLine(l -> l.startsWith("READY port="), START);
                String base = "http://127.0.0.1:" + ready.substring("READY port=".length());
                Map<String, Long> state = inventory(base);
                if (cycle == 0) {
                    assertThat(state.get("received")).as(jvm.describe()).isZero();
                    for (String sku : List.of("apple", "pear")) {
                        assertThat(post(base + "/stock/" + sku + "?quantity=" + STOCK)).isEqualTo(200);
                    }
                } else {
                    check(state, acknowledged, cycle, jvm);
                }
                if (cycle == CRASHES) {
                    assertThat(post(base + "/orders?client=carol&number=1&sku=apple&quantity=" + 10 * STOCK))
                            .as("an order the stock cannot serve").isEqualTo(409);
                    assertThat(inventory(base)).as("a refused order changes nothing").isEqualTo(state);
                    break;
                }
                placeOrdersUntilKilled(jvm, base, state, acknowledged, random, cycle == 1);
            }
        }
    }

    /** Two clients order until the JVM dies; it is killed after a random number of acknowledgements. */
    private void placeOrdersUntilKilled(AgentJvm jvm, String base, Map<String, Long> state,
                                        Map<String, Long> acknowledged, Random random, boolean checkpoint)
            throws Exception {
        AtomicInteger acks = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (String client : CLIENTS) {
            long first = state.getOrDefault("lastOrder." + client, 0L) + 1;
            Thread t = new Thread(() -> {
                for (long n = first; ; n++) {
                    String sku = n % 2 == 0 ? "apple" : "pear";
                    try {
                        int status = post(base + "/orders?client=" + client + "&number=" + n + "&sku=" + sku
                                + "&quantity=" + (1 + n % 5));
                        if (status != 200) {
                            return;
                        }
                    } catch (IOException | InterruptedException e) {
                        return; // the server is gone
                    }
                    acknowledged.put(client, n);
                    acks.incrementAndGet();
                }
            }, "client-" + client);
            clients.add(t);
            t.start();
        }
        int target = 2 + random.nextInt(150);
        awaitAcks(acks, target / 2, jvm);
        if (checkpoint) {
            assertThat(post(base + "/admin/checkpoint")).as("checkpoint; %s", jvm.describe()).isEqualTo(200);
        }
        awaitAcks(acks, target, jvm);
        Thread.sleep(random.nextInt(200));
        jvm.kill9();
        for (Thread t : clients) {
            t.join(30_000);
        }
    }

    private static void awaitAcks(AtomicInteger acks, int target, AgentJvm jvm) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (acks.get() < target && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(acks.get()).as("orders acknowledged; %s", jvm.describe()).isGreaterThanOrEqualTo(target);
    }

    private static void check(Map<String, Long> state, Map<String, Long> acknowledged, int cycle, AgentJvm jvm)
            throws InterruptedException {
        String where = "after crash " + cycle + ", state " + state + "; " + jvm.describe();
        assertThat(state.get("received")).as("stock received; %s", where).isEqualTo(2 * STOCK);
        assertThat(state.get("inStock") + state.get("ordered")).as("every unit in stock or in an order; %s", where)
                .isEqualTo(state.get("received"));
        long lastOrders = 0;
        for (String client : CLIENTS) {
            long last = state.getOrDefault("lastOrder." + client, 0L);
            long acked = acknowledged.getOrDefault(client, 0L);
            assertThat(last).as("%s's orders: acknowledged up to %d; %s", client, acked, where)
                    .isBetween(acked, acked + 1);
            acknowledged.put(client, last); // what recovered is durable: the floor from now on
            lastOrders += last;
        }
        assertThat(state.get("orders")).as("one order per number, none lost or doubled; %s", where).isEqualTo(lastOrders);
        // the agent logs through JUL, which Spring Boot routes to its own console log (stdout)
        for (int i = 0; i < 50 && recoveryLines(jvm).isEmpty(); i++) {
            Thread.sleep(100);
        }
        assertThat(recoveryLines(jvm)).as("one recovery line; %s", where).hasSize(1)
                .allMatch(l -> l.contains("last run crashed"))
                .allMatch(l -> cycle < 2 || l.contains("from a snapshot of"));
    }

    private static List<String> recoveryLines(AgentJvm jvm) {
        return Stream.concat(jvm.out().stream(), jvm.err().stream()).filter(l -> l.contains("Lazarus recovered")).toList();
    }

    private int post(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Map<String, Long> inventory(String base) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/inventory")).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Map<String, Long> state = new HashMap<>();
        for (String line : response.body().split("\n")) {
            int eq = line.indexOf('=');
            state.put(line.substring(0, eq), Long.parseLong(line.substring(eq + 1)));
        }
        return state;
    }
}
