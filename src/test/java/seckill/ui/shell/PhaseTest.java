package seckill.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class PhaseTest {
    @Test
    void aSaleStartsOnlyFromAQuietPhase() {
        assertThat(EnumSet.allOf(Phase.class)).filteredOn(Phase::isQuiet)
                .containsExactlyInAnyOrder(Phase.DISCONNECTED, Phase.IDLE, Phase.FINISHED);
        assertThat(EnumSet.allOf(Phase.class)).filteredOn(p -> p.canGoTo(Phase.RUNNING))
                .containsExactlyInAnyOrder(Phase.DISCONNECTED, Phase.IDLE, Phase.FINISHED);
    }

    @Test
    void everyPhaseWhereAJobRunsCanFallBackToAQuietOne() {
        for (Phase p : EnumSet.of(Phase.BUSY, Phase.RUNNING, Phase.STOPPING, Phase.WATCHING)) {
            assertThat(p.next()).as(p.name()).contains(Phase.DISCONNECTED);
            assertThat(p.isQuiet()).as(p.name()).isFalse();
        }
        for (Phase p : EnumSet.of(Phase.RUNNING, Phase.STOPPING, Phase.WATCHING)) {
            assertThat(p.next()).as(p.name()).contains(Phase.IDLE);
        }
    }

    @Test
    void aRunEndsOnlyThroughItsOwnPhases() {
        assertThat(EnumSet.allOf(Phase.class)).filteredOn(p -> p.canGoTo(Phase.FINISHED))
                .containsExactlyInAnyOrder(Phase.RUNNING, Phase.STOPPING);
        assertThat(EnumSet.allOf(Phase.class)).filteredOn(p -> p.canGoTo(Phase.STOPPING))
                .containsExactly(Phase.RUNNING);
        assertThat(Phase.STOPPING.canStop()).as("asked once is enough").isFalse();
        assertThat(EnumSet.allOf(Phase.class)).filteredOn(Phase::canStop)
                .containsExactlyInAnyOrder(Phase.RUNNING, Phase.WATCHING);
    }

    @Test
    void noPhaseMovesToItself() {
        for (Phase p : Phase.values()) {
            assertThat(p.canGoTo(p)).as(p.name()).isFalse();
        }
    }
}
