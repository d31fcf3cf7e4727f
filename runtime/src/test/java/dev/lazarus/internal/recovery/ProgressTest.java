package dev.lazarus.internal.recovery;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The fraction weighs phases, not units; reports wait for the delay. */
class ProgressTest {
    @Test
    void phasesAreWeighedAndReportsWaitForTheDelay() throws Exception {
        List<String> lines = new ArrayList<>();
        boolean[] finished = {false};
        Progress p = new Progress(new Progress.Listener() {
            @Override
            public void report(Progress q) {
                lines.add(q.line());
            }

            @Override
            public void finished(Progress q) {
                finished[0] = true;
            }
        }, 0, 0);
        p.plan(100);
        p.phase("loading the snapshot", "bytes", 1_000, 20);
        p.tick(500);
        assertThat(p.fraction()).isEqualTo(0.10);
        p.phase("replaying the log", "records", 2_048, 80);
        Thread.sleep(2);
        for (int i = 0; i < 1_022; i++) {
            p.tick(1);
        }
        assertThat(lines).as("the clock is read every 1024 ticks (calls)").isEmpty();
        p.tick(1);
        assertThat(p.fraction()).isEqualTo(0.20 + 0.80 * 1_023 / 2_048.0);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("59% \\(replaying the log: 1,023 of 2,048 records\\), (about \\d+ s left)");
        p.finish();
        assertThat(finished[0]).isTrue();
        assertThat(p.fraction()).isEqualTo(1.0);

        Progress quiet = new Progress(q -> lines.add("early"), 60_000, 1_000);
        quiet.plan(10);
        quiet.phase("reading the log", "records", 4_096, 10);
        for (int i = 0; i < 4_096; i++) {
            quiet.tick(1);
        }
        assertThat(lines).as("nothing before the delay").hasSize(1);
    }
}
