package seckill.ui.live;

import static org.assertj.core.api.Assertions.assertThat;
import static seckill.ui.shell.OnFx.fx;
import static seckill.ui.shell.OnFx.onFx;

import java.util.List;

import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.util.WaitForAsyncUtils;
import seckill.ui.common.I18n;
import seckill.ui.common.PanelStage;

/** The winners table alone, headless through Monocle: a student who joined from their phone stands out. */
@ExtendWith(ApplicationExtension.class)
class StudentWinnersTest {
    private static final PseudoClass STUDENT = PseudoClass.getPseudoClass("student");

    private final WinnersViewModel winners = new WinnersViewModel();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new PanelStage(I18n.ENGLISH).show(stage, new WinnersPanel(winners), 420, 400);
    }

    @AfterEach
    void cleanUp() {
        onFx(stage::close);
    }

    @Test
    void aStudentsRowStandsOutAndShowsTheirNicknameAlone(FxRobot robot) {
        onFx(() -> winners.append(0, List.of("stu:小红", "u2", "stu:ann lee"), List.of(), -1, 10));
        WaitForAsyncUtils.waitForFxEvents();
        List<TableRow<?>> rows = robot.lookup("#winners-table .table-row-cell").queryAll().stream()
                .<TableRow<?>>map(n -> (TableRow<?>) n).filter(r -> fx(() -> r.getItem() != null))
                .sorted((a, b) -> fx(() -> a.getIndex() - b.getIndex())).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(r -> fx(() -> r.getPseudoClassStates().contains(STUDENT)))
                .containsExactly(true, false, true);
        assertThat(rows).extracting(r -> fx(() -> userCell(r).getText())).containsExactly("小红", "u2", "ann lee");
        assertThat(rows).extracting(r -> fx(() -> userCell(r).getGraphic() instanceof FontIcon))
                .containsExactly(true, false, true);
    }

    private static TableCell<?, ?> userCell(TableRow<?> row) {
        return (TableCell<?, ?>) row.lookupAll(".table-cell").stream().filter(c -> c instanceof UserCell)
                .findFirst().orElseThrow();
    }
}
