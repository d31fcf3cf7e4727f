package dev.lazarus.it.apps.thirdparty;

import com.github.fppt.jedismock.RedisServer;

/**
 * Runs jedis-mock, an in-memory Redis server from Maven Central, unmodified: no annotation, no
 * Lazarus call. Whether its data survives a crash depends only on the agent options
 * ({@code classes=}, {@code roots=}, {@code exclude=}) that ThirdPartyIT passes.
 */
public final class RedisApp {
    private RedisApp() {
    }

    public static void main(String[] args) throws Exception {
        RedisServer server = RedisServer.newRedisServer(0).start();
        System.out.println("PORT " + server.getBindPort());
        Thread.sleep(Long.MAX_VALUE);
    }
}
