package dev.lazarus.agent;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterConfigTest {
    private static Config load(String args) {
        return Config.load(args, new Properties(), Map.of());
    }

    @Test
    void noClusterOptionsMeansNoCluster() {
        assertThat(load("dir=x").cluster()).isNull();
    }

    @Test
    void membersKeepTheirCommasInsideAgentArguments() {
        Config c = load("cluster=shop,bind=127.0.0.1:7802,members=127.0.0.1:7801,127.0.0.1:7802,127.0.0.1:7803,sync=none");
        assertThat(c.cluster().members()).containsExactly("127.0.0.1:7801", "127.0.0.1:7802", "127.0.0.1:7803");
        assertThat(c.cluster().bind()).isEqualTo("127.0.0.1:7802");
        assertThat(c.cluster().replicas()).isEqualTo(2);
        assertThat(c.sync().name()).isEqualTo("NONE");
    }

    @Test
    void bindIsAddedToTheMembers() {
        Config c = load("cluster=shop,bind=localhost:7805,replicas=3");
        assertThat(c.cluster().members()).containsExactly("127.0.0.1:7805");
        assertThat(c.cluster().replicas()).isEqualTo(3);
    }

    @Test
    void badClusterOptionsNameTheKeyAndTheFix() {
        assertThatThrownBy(() -> load("cluster=shop")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bind=HOST:PORT");
        assertThatThrownBy(() -> load("bind=127.0.0.1:7801")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bind is a cluster option").hasMessageContaining("cluster=NAME");
        assertThatThrownBy(() -> load("cluster=shop,bind=127.0.0.1")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("for bind: use HOST:PORT");
        assertThatThrownBy(() -> load("cluster=shop,bind=127.0.0.1:70000")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad port").hasMessageContaining("bind");
        assertThatThrownBy(() -> load("cluster=shop,bind=127.0.0.1:7801,members=127.0.0.1:x")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("members");
        assertThatThrownBy(() -> load("cluster=shop,bind=127.0.0.1:7801,replicas=0")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("replicas");
        assertThatThrownBy(() -> load("cluster=shop,bind=no-such-host.invalid:7801")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown host");
    }
}
