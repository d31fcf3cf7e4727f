package dev.lazarus.agent;

import dev.lazarus.agent.instrument.ConcurrentKeySetRoute;
import dev.lazarus.agent.instrument.LazarusTransformer;
import dev.lazarus.agent.instrument.ReflectionRoute;
import dev.lazarus.internal.cluster.MapDistributor;
import dev.lazarus.internal.collection.TrackedCollections;
import dev.lazarus.internal.engine.Engine;
import dev.lazarus.internal.engine.EngineSettings;
import dev.lazarus.internal.engine.ThirdParty;
import dev.lazarus.internal.hook.Hooks;
import dev.lazarus.internal.log.RedoLog;
import dev.lazarus.internal.metrics.AgentMetrics;
import dev.lazarus.internal.snapshot.SnapshotPolicy;

import java.lang.instrument.Instrumentation;

/**
 * Starts Lazarus inside the isolated class loader: reads the options, locks the data directory,
 * opens the redo log, installs the engine behind the hooks and the class transformer. Recovery
 * itself waits for the first root assignment (DESIGN §2).
 */
public final class AgentMain {
    private static final System.Logger LOG = System.getLogger("dev.lazarus");
    static final String VERSION = versionOf();

    private AgentMain() {
    }

    public static void start(String args, Instrumentation inst, ClassLoader ownLoader) {
        Config config;
        DataDirectory dir;
        try {
            TrackedCollections.checkVariants();
        } catch (IllegalStateException e) {
            // the JVM stops next: this must reach the user whatever logging is configured
            System.err.println("Lazarus: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            config = Config.load(args, System.getProperties(), System.getenv());
            dir = DataDirectory.open(config.dir());
        } catch (ConfigException e) {
            // the JVM stops next: this must reach the user whatever logging is configured
            System.err.println("Lazarus: " + e.getMessage());
            System.exit(2);
            return;
        }
        RedoLog log = RedoLog.open(dir.log(), config.sync(), config.syncIntervalMs(), config.onCorruption());
        Engine engine = new Engine(log, new EngineSettings(config.strict(), config.describe(), dir.snapshots(),
                new SnapshotPolicy(config.snapshotIntervalMs(), config.snapshotLogBytes(), config.rtoMs()),
                config.renames()));
        ThirdParty.install(config.thirdParty());
        Hooks.install(engine);
        MapDistributor distributor = new MapDistributor(config.cluster());
        Hooks.install(distributor);
        inst.addTransformer(new LazarusTransformer(ownLoader, config.strict(), config.thirdParty()), false);
        ConcurrentKeySetRoute.install(inst);
        ReflectionRoute.install(inst, ownLoader);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            distributor.close();
            engine.close();
            dir.close();
        }, "lazarus-shutdown"));
        engine.afterRecovery(() -> registerMetrics(engine, dir));
        LOG.log(System.Logger.Level.INFO, "Lazarus " + VERSION + " active: " + config.describe());
    }

    /**
     * The MBean {@code dev.lazarus:type=Agent}, registered once recovery is done (the application
     * has started and assigned its first root), on a background thread: the platform MBean server
     * initialises JMX and java.util.logging, which the agent should neither make the application
     * wait for nor trigger before the application has configured its own logging.
     */
    private static void registerMetrics(Engine engine, DataDirectory dir) {
        Thread t = new Thread(() -> {
            try {
                java.lang.management.ManagementFactory.getPlatformMBeanServer().registerMBean(
                        new AgentMetrics(engine, dir.log()), new javax.management.ObjectName("dev.lazarus:type=Agent"));
            } catch (javax.management.JMException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot register the MBean dev.lazarus:type=Agent: " + e);
            }
        }, "lazarus-metrics");
        t.setDaemon(true);
        t.start();
    }

    private static String versionOf() {
        String v = AgentMain.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
