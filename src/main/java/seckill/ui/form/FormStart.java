package seckill.ui.form;

import java.util.List;

import seckill.sale.StrategyKind;
import seckill.sim.SimulationConfig;
import seckill.ui.common.Face;

/**
 * What the form starts with, as the {@code ui} command was given it.
 *
 * @param redisUrl   the URL given (may hold a password: kept in memory only, shown masked), or null
 * @param embedded   use an embedded redis-server
 * @param sale       the sale's settings
 * @param seedGiven  the seed was given and is kept for every run; otherwise each run takes a new one
 * @param compare    strategies to race side by side, in the order given; empty for none
 * @param oneAtATime with {@code compare}: one after another instead of at once
 */
@Face
public record FormStart(String redisUrl, boolean embedded, SimulationConfig sale, boolean seedGiven,
                        List<StrategyKind> compare, boolean oneAtATime) {
}
