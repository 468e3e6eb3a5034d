package seckill.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import seckill.service.ClusterView;
import seckill.ui.common.LocalText;

/** The cluster panel's model, fed CLUSTER NODES as a cluster answers it, without a toolkit. */
class ClusterModelTest {
    private static final int SLOT = 100;

    private static ClusterView view(String nodes) {
        return ClusterView.parse(nodes, SLOT, Map.of("127.0.0.1:7001", 1200L, "127.0.0.1:7002", 30L));
    }

    private static final String STEADY = """
            a1 127.0.0.1:7001@17001 myself,master - 0 0 1 connected 0-5460
            b2 127.0.0.1:7002@17002 master - 0 0 2 connected 5461-16383
            c3 127.0.0.1:7003@17003 slave a1 0 0 1 connected
            """;

    private final ClusterModel model = new ClusterModel();

    @Test
    void namesTheMasterThatHoldsTheSale_andEveryNode() {
        model.accept(view(STEADY));
        assertThat(model.activeProperty().get()).isTrue();
        assertThat(model.masterProperty().get()).isEqualTo(LocalText.of("cluster.master", "127.0.0.1:7001", SLOT));
        assertThat(model.nodes()).extracting(ClusterView.ClusterNode::address)
                .containsExactly("127.0.0.1:7001", "127.0.0.1:7002", "127.0.0.1:7003");
        assertThat(model.nodes().get(0).holdsSale()).isTrue();
        assertThat(model.nodes().get(0).slots()).isEqualTo(5461);
        assertThat(model.nodes().get(0).opsPerSec()).isEqualTo(1200);
        assertThat(model.nodes().get(2).opsPerSec()).isEqualTo(-1);
        assertThat(model.events()).isEmpty();
    }

    @Test
    void showsASlotMovingAndMoved() {
        model.accept(view(STEADY));
        model.accept(view("""
                a1 127.0.0.1:7001@17001 myself,master - 0 0 1 connected 0-5460 [100->-b2]
                b2 127.0.0.1:7002@17002 master - 0 0 2 connected 5461-16383 [100-<-a1]
                c3 127.0.0.1:7003@17003 slave a1 0 0 1 connected
                """));
        model.accept(view("""
                a1 127.0.0.1:7001@17001 myself,master - 0 0 1 connected 0-99 101-5460
                b2 127.0.0.1:7002@17002 master - 0 0 3 connected 100 5461-16383
                c3 127.0.0.1:7003@17003 slave a1 0 0 1 connected
                """));
        assertThat(model.events()).containsExactly(
                LocalText.of("cluster.moved", SLOT, "127.0.0.1:7001", "127.0.0.1:7002"),
                LocalText.of("cluster.moving", SLOT, "127.0.0.1:7001"));
        assertThat(model.masterProperty().get()).isEqualTo(LocalText.of("cluster.master", "127.0.0.1:7002", SLOT));
    }

    @Test
    void showsAMasterFailingAndItsReplicaTakingOver() {
        model.accept(view(STEADY));
        model.accept(view("""
                a1 127.0.0.1:7001@17001 master,fail - 0 0 1 disconnected 0-5460
                b2 127.0.0.1:7002@17002 myself,master - 0 0 2 connected 5461-16383
                c3 127.0.0.1:7003@17003 slave a1 0 0 1 connected
                """));
        assertThat(model.masterProperty().get()).isEqualTo(LocalText.of("cluster.noMaster"));
        model.accept(view("""
                a1 127.0.0.1:7001@17001 master,fail - 0 0 1 disconnected
                b2 127.0.0.1:7002@17002 myself,master - 0 0 2 connected 5461-16383
                c3 127.0.0.1:7003@17003 master - 0 0 4 connected 0-5460
                """));
        // the master was unknown for a moment: the take-over shows once a master holds the slot again
        assertThat(model.events()).containsExactly(LocalText.of("cluster.failover", "127.0.0.1:7003", "127.0.0.1:7001"),
                LocalText.of("cluster.failing", "127.0.0.1:7001"));
        assertThat(model.masterProperty().get()).isEqualTo(LocalText.of("cluster.master", "127.0.0.1:7003", SLOT));
    }

    @Test
    void tellsAListenerOfEveryReading_evenAfterACollection() {
        java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();
        model.nodes().addListener((javafx.collections.ListChangeListener<ClusterView.ClusterNode>) c ->
                changes.incrementAndGet());
        System.gc();
        model.accept(view(STEADY));
        model.accept(view(STEADY));
        assertThat(changes.get()).isEqualTo(2);
    }

    @Test
    void keepsTheLatestChangesOnly() {
        String down = STEADY.replace("b2 127.0.0.1:7002@17002 master", "b2 127.0.0.1:7002@17002 master,fail");
        model.accept(view(STEADY));
        for (int i = 0; i < ClusterModel.EVENTS + 3; i++) {
            model.accept(view(i % 2 == 0 ? down : STEADY));
        }
        assertThat(model.events()).hasSize(ClusterModel.EVENTS);
    }
}
