package seckill.ui.shell;

import org.junit.jupiter.api.AfterEach;
import seckill.ui.common.I18n;

/**
 * What a test of the session through the service seam starts from: a fake lab, its jobs run when the test settles
 * them, and both languages to read the texts in. No Redis, no toolkit.
 */
abstract class FakeSessionTest {
    final FakeLabService lab = new FakeLabService();
    final ModelHarness harness = ModelHarness.fast(lab);
    final DashboardViewModel model = harness.model;
    final I18n english = new I18n(I18n.ENGLISH);
    final I18n chinese = new I18n(I18n.CHINESE);

    @AfterEach
    void closeHarness() {
        harness.close();
    }
}
