package seckill.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The zoom and the folded form, without a window. */
class PresentationModelTest {
    private final PresentationModel model = new PresentationModel();

    @Test
    void startsAtAHundredPercentWithTheFormShown() {
        assertThat(model.getZoom()).isEqualTo(100);
        assertThat(model.getFontSize()).isEqualTo(16.0);
        assertThat(model.isFormFolded()).isFalse();
    }

    @Test
    void stepsAsABrowserDoesAndStopsAtTheEnds() {
        model.zoomIn();
        assertThat(model.getZoom()).isEqualTo(110);
        model.zoomIn();
        model.zoomIn();
        assertThat(model.getZoom()).isEqualTo(150);
        assertThat(model.getFontSize()).isEqualTo(24.0);
        for (int i = 0; i < 20; i++) {
            model.zoomIn();
        }
        assertThat(model.getZoom()).isEqualTo(PresentationModel.MAX_ZOOM);
        for (int i = 0; i < 30; i++) {
            model.zoomOut();
        }
        assertThat(model.getZoom()).isEqualTo(PresentationModel.MIN_ZOOM);
        model.resetZoom();
        assertThat(model.getZoom()).isEqualTo(100);
    }

    @Test
    void aZoomBetweenStepsGoesToTheNeighbouringStep() {
        model.setZoom(130);
        model.zoomIn();
        assertThat(model.getZoom()).isEqualTo(150);
        model.setZoom(130);
        model.zoomOut();
        assertThat(model.getZoom()).isEqualTo(125);
    }

    @Test
    void aZoomOutOfRangeIsBroughtToTheNearestEnd() {
        model.setZoom(1000);
        assertThat(model.getZoom()).isEqualTo(300);
        model.setZoom(10);
        assertThat(model.getZoom()).isEqualTo(50);
        assertThat(PresentationModel.allowed(49)).isFalse();
        assertThat(PresentationModel.allowed(300)).isTrue();
    }

    @Test
    void foldsAndUnfoldsTheForm() {
        model.toggleForm();
        assertThat(model.isFormFolded()).isTrue();
        model.toggleForm();
        assertThat(model.isFormFolded()).isFalse();
    }

    @Test
    void aSaleOnANarrowWindowFoldsTheForm_aWideOneKeepsIt() {
        model.saleStarts(1600);
        assertThat(model.isFormFolded()).as("1600 px at 100 %").isFalse();
        model.setZoom(150);
        model.saleStarts(1600);
        assertThat(model.isFormFolded()).as("1600 px at 150 % is 67 em").isTrue();
        model.toggleForm();
        model.resetZoom();
        model.saleStarts(1280);
        assertThat(model.isFormFolded()).as("a projector at 1280x720").isTrue();
    }
}
