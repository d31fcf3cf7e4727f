package dev.lazarus.bench;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A one-line description of the machine and the software the run measured. */
final class Machine {
    private Machine() {
    }

    static String describe(Ctx ctx) {
        String cpu = grep("/proc/cpuinfo", "model name");
        String mem = grep("/proc/meminfo", "MemTotal");
        String fs = "?";
        try {
            FileStore store = Files.getFileStore(ctx.work);
            fs = store.type() + " (" + store.name() + ")";
        } catch (IOException e) {
            // leave "?"
        }
        String agentInfo = ctx.agent.getFileName() + " " + (ctx.agent.toFile().length() / 1024) + " KiB";
        return (cpu == null ? "" : cpu + ", ") + Runtime.getRuntime().availableProcessors() + " cores"
                + (mem == null ? "" : ", " + mem.replaceAll("\\s+", " ") + " RAM") + "; data on " + fs + "; "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + "; Java "
                + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")" + "; "
                + agentInfo + gitCommit() + ". Other engineers' builds and tests ran on the same 2 cores meanwhile.";
    }

    /** The machine's 1-minute load average (Linux), or "?": how busy the shared cores were. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String gitCommit() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 && !out.isEmpty() ? ", built from commit " + out : "";
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private static String grep(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            for (String l : lines) {
                if (l.startsWith(key)) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return null;
    }
}
