package dev.lazarus.sample.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * A small shop as a Spring Boot web application: stock comes in, orders go out, all of it kept in
 * plain Java objects that Lazarus makes survive {@code kill -9}. Packaged as a fat jar:
 *
 * <pre>
 * java -javaagent:lazarus-agent.jar=dir=shop-state -jar lazarus-sample-spring.jar
 * curl -X POST 'localhost:8080/stock/apple?quantity=100'
 * curl -X POST 'localhost:8080/orders?client=alice&amp;number=1&amp;sku=apple&amp;quantity=3'
 * curl localhost:8080/inventory
 * </pre>
 */
@SpringBootApplication
public class ShopApplication {
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }

    /** One line a script or a test can wait for: the server is up, on this port. */
    @EventListener
    public void ready(WebServerInitializedEvent event) {
        System.out.println("READY port=" + event.getWebServer().getPort());
    }
}
