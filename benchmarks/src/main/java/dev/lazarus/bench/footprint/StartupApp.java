package dev.lazarus.bench.footprint;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates, compiles (with the JDK's compiler, once: the result is kept) and describes an
 * application of a few thousand classes for the agent's start-up figure: {@code plain} ordinary
 * classes with fields and a method, {@code durable} {@code @Durable} classes, and a {@code gen.Main}
 * that loads and uses every one of them (each class is instantiated and called; each durable
 * object is attached to a root and changed), then prints {@code FIG ready} and exits.
 */
public final class StartupApp {
    private StartupApp() {
    }

    /** The directory of compiled classes of an app of {@code plain + durable} classes, built if needed. */
    public static Path build(Path cache, int plain, int durable, Path apiJar) {
        Path root = cache.resolve("app-" + plain + "-" + durable);
        Path classes = root.resolve("classes");
        Path done = root.resolve("compiled.ok");
        if (Files.exists(done)) {
            return classes;
        }
        try {
            Path src = root.resolve("src/gen");
            Files.createDirectories(src);
            Files.createDirectories(classes);
            List<String> files = new ArrayList<>();
            files.add(write(src, "Work", "package gen;\npublic interface Work { int work(int x); }\n"));
            for (int i = 0; i < plain; i++) {
                String n = String.format("C%04d", i);
                files.add(write(src, n, "package gen;\n"
                        + "public class " + n + " implements Work {\n"
                        + "    private int a = " + i + ";\n"
                        + "    private long b = " + (i * 31L) + "L;\n"
                        + "    private String c = \"" + n + "\";\n"
                        + "    public int work(int x) {\n"
                        + "        a += x;\n"
                        + "        b ^= a;\n"
                        + "        return a + (int) b + c.length();\n"
                        + "    }\n"
                        + "}\n"));
            }
            for (int i = 0; i < durable; i++) {
                String n = String.format("D%04d", i);
                files.add(write(src, n, "package gen;\n"
                        + "@dev.lazarus.Durable\n"
                        + "public class " + n + " implements Work {\n"
                        + "    long value;\n"
                        + "    String name;\n"
                        + "    Object next;\n"
                        + "    public " + n + "() {\n"
                        + "    }\n"
                        + "    public int work(int x) {\n"
                        + "        value += x;\n"
                        + "        name = \"" + n + "-\" + x;\n"
                        + "        return (int) value;\n"
                        + "    }\n"
                        + "}\n"));
            }
            files.add(write(src, "GenRoot", "package gen;\n"
                    + "@dev.lazarus.Durable\n"
                    + "public class GenRoot {\n"
                    + "    @dev.lazarus.Durable\n"
                    + "    public static GenRoot root = new GenRoot();\n"
                    + "    public final java.util.List<Object> all = new java.util.ArrayList<>();\n"
                    + "}\n"));
            StringBuilder main = new StringBuilder("package gen;\npublic class Main {\n");
            int parts = 0;
            for (int from = 0; from < plain + durable; from += 250, parts++) {
                main.append("    static int part").append(parts).append("() {\n        int s = 0;\n");
                for (int i = from; i < Math.min(plain + durable, from + 250); i++) {
                    if (i < plain) {
                        main.append(String.format("        s += new C%04d().work(%d);%n", i, i));
                    } else {
                        main.append(String.format("        { D%04d d = new D%04d(); GenRoot.root.all.add(d); s += d.work(%d); }%n",
                                i - plain, i - plain, i));
                    }
                }
                main.append("        return s;\n    }\n");
            }
            main.append("    public static void main(String[] args) {\n        long s = 0;\n");
            for (int p = 0; p < parts; p++) {
                main.append("        s += part").append(p).append("();\n");
            }
            main.append("        System.out.println(\"FIG ready sum=\" + s + \" objects=\" + GenRoot.root.all.size());\n");
            main.append("        System.out.flush();\n    }\n}\n");
            files.add(write(src, "Main", main.toString()));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                throw new IllegalStateException("the start-up figure needs a JDK (javax.tools), not a JRE");
            }
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", apiJar.toString(),
                    "-proc:none", "-nowarn", "--release", "17"));
            args.addAll(files);
            int rc = javac.run(null, null, System.err, args.toArray(new String[0]));
            if (rc != 0) {
                throw new IllegalStateException("javac failed on the generated start-up app (" + rc + ")");
            }
            Files.writeString(done, "ok");
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name + ".java");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f.toString();
    }
}
