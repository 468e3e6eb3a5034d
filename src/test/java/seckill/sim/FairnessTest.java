package seckill.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import seckill.metrics.MetricsSnapshot;
import seckill.redis.RedisTarget;
import seckill.redis.TestRedis;
import seckill.sale.Outcome;
import seckill.sale.SaleState;
import seckill.sale.StrategyKind;

@DisplayName("Fairness: did the first to arrive win; and the stock left unsold while users lost")
class FairnessTest {

    @Nested
    @DisplayName("the line of arrivals, on constructed arrivals and wins")
    class Line {
        @Test
        void theFirstStockArrivalsAllWinning_isFirstComeFirstServed() {
            ArrivalLine line = new ArrivalLine(3);
            List<Long> ranks = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ranks.add(line.arrive());
            }
            assertThat(ranks).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            line.won(0);
            line.won(1);
            line.won(2);
            assertThat(line.fairness()).isEqualTo(new Fairness(3, 3));
            assertThat(line.fairness().share()).isEqualTo(1.0);
        }

        @Test
        void winnersWhoCameLateDoNotCount() {
            ArrivalLine line = new ArrivalLine(4);
            for (int i = 0; i < 8; i++) {
                line.arrive();
            }
            // ranks 1 and 3 were among the first four; 5, 6 came after them and took their items
            for (long rank : new long[] {1, 3, 5, 6}) {
                line.won(rank);
            }
            assertThat(line.fairness().share()).isEqualTo(0.5);
        }

        @Test
        void moreStockThanArrivals_judgesEveryoneWhoArrived() {
            ArrivalLine line = new ArrivalLine(100);
            for (int i = 0; i < 5; i++) {
                line.arrive();
            }
            line.won(0);
            line.won(2);
            line.won(4);
            assertThat(line.fairness()).isEqualTo(new Fairness(5, 3));
        }

        @Test
        void aUserWhoNeverArrivedCannotCount_andNobodyArrivingIsNoFigure() {
            ArrivalLine line = new ArrivalLine(2);
            line.won(-1);
            assertThat(line.fairness()).isEqualTo(Fairness.NONE);
            assertThat(Fairness.NONE.known()).isFalse();
            assertThat(Fairness.NONE.share()).isNaN();
        }

        @Test
        void theRulesGiveEachUserOneRank_whateverItsRetries() {
            BuyerRules rules = new BuyerRules(SimulationConfig.builder().strategy(StrategyKind.WATCH)
                    .load(2, 5, 2, 3).seed(1).build(), RedisTarget.parse("redis://127.0.0.1:1"), true);
            Turn first = rules.newTurn(rules.takeUser());
            Turn second = rules.newTurn(rules.takeUser());
            rules.arrives(second);
            rules.arrives(first);
            rules.arrives(second);
            assertThat(second.arrival).isZero();
            assertThat(first.arrival).isEqualTo(1);
            rules.settle(second, System.nanoTime(), Outcome.CONFLICT);
            rules.settle(first, System.nanoTime(), Outcome.WON);
            rules.settle(second, System.nanoTime(), Outcome.WON);
            assertThat(rules.fairness()).isEqualTo(new Fairness(2, 2));
        }

        @Test
        void aFigureOutOfItsBoundsIsRefused() {
            assertThatThrownBy(() -> new Fairness(2, 3)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("on a real sale")
    class OnASale {
        private final List<String> prefixes = new ArrayList<>();

        @AfterEach
        void deleteOwnKeys() {
            prefixes.forEach(TestRedis::reset);
        }

        @ParameterizedTest(name = "{0} engine")
        @EnumSource(EngineKind.class)
        void oneBuyerAtATime_arrivingInTurn_isFirstComeFirstServed(EngineKind engine) {
            String prefix = TestRedis.prefix("fair");
            prefixes.add(prefix);
            SimulationConfig c = SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.LUA)
                    .load(20, 60, 1, 0).spreadMs(60).engine(engine).seed(5).build();
            SimulationResult r = new Simulation(c, TestRedis.connection()).run();
            assertThat(r.fairness()).isEqualTo(new Fairness(20, 20));
            assertThat(r.unsoldStock()).isZero();
            assertThat(r.timeToSellOutMs()).isNotNegative();
        }

        @Test
        void moreStockThanUsers_everyoneWins() {
            String prefix = TestRedis.prefix("fair-stock");
            prefixes.add(prefix);
            SimulationConfig c = SimulationConfig.builder().prefix(prefix).strategy(StrategyKind.LUA)
                    .load(100, 30, 8, 0).seed(6).build();
            SimulationResult r = new Simulation(c, TestRedis.connection()).run();
            assertThat(r.fairness()).isEqualTo(new Fairness(30, 30));
            assertThat(r.unsoldStock()).as("stock left, but nobody lost").isZero();
            assertThat(r.timeToSellOutMs()).isEqualTo(-1);
        }
    }

    @Nested
    @DisplayName("unsold stock (库存遗留)")
    class Unsold {
        private final SimulationConfig config = SimulationConfig.builder().load(50, 1_000, 200, 0).seed(1).build();

        private SimulationResult ended(long sold, long usersWon) {
            SaleState state = new SaleState(50, sold, sold, -2, 0, 0, List.of(), List.of(), 0);
            MetricsSnapshot m = new MetricsSnapshot(0, 1_000, usersWon, 0, 0, 0, 1_000 - usersWon, 0, 1_000, usersWon,
                    0, 0, 0, 0, 0, MetricsSnapshot.ZERO.interval(), MetricsSnapshot.ZERO.overall());
            return new SimulationResult(config, EndReason.ALL_USERS_DONE, m, 100, state, null, null);
        }

        @Test
        void stockLeftWhileUsersLost_isUnsold() {
            assertThat(ended(13, 13).unsoldStock()).isEqualTo(37);
            assertThat(ended(13, 13).usersLost()).isEqualTo(987);
        }

        @Test
        void aSoldOutSaleLeavesNothingUnsold() {
            assertThat(ended(50, 50).unsoldStock()).isZero();
        }

        @Test
        void unreadableRedisSaysNothingOfIt() {
            SimulationResult r = new SimulationResult(config, EndReason.ERROR, MetricsSnapshot.ZERO, 1, null, null,
                    null);
            assertThat(r.unsoldStock()).isZero();
            assertThat(r.fairness()).isEqualTo(Fairness.NONE);
            assertThat(r.timeToSellOutMs()).isEqualTo(-1);
        }
    }
}
