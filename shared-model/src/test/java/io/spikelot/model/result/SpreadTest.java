package io.spikelot.model.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void meanAndSampleStandardDeviationPerRatio() {
        List<SltResult.RepeatRow> rows = List.of(
                new SltResult.RepeatRow(42, 0.5, 0.5, 0.80, 1.0, 0.1, 0.90),
                new SltResult.RepeatRow(43, 0.5, 0.5, 0.84, 1.0, 0.1, 0.92),
                new SltResult.RepeatRow(44, 0.5, 0.5, 0.82, 1.0, 0.1, 0.94),
                new SltResult.RepeatRow(42, 0.7, 0.3, 0.50, 1.0, 0.1, 0.60));

        SltResult.Spread half = SltResult.Spread.of(0.5, rows);
        // mean 0.82; squares 0.0004 + 0.0004 + 0 = 0.0008 over n − 1 = 2: std √0.0004 = 0.02
        assertThat(half.runs()).isEqualTo(3);
        assertThat(half.accuracyMean()).isCloseTo(0.82, within(1e-12));
        assertThat(half.accuracyStd()).isCloseTo(0.02, within(1e-12));
        assertThat(half.annAccuracyMean()).isCloseTo(0.92, within(1e-12));
        assertThat(half.annAccuracyStd()).isCloseTo(0.02, within(1e-12));
        assertThat(SltResult.Spread.of(0.7, rows).accuracyStd()).isZero();
    }

    @Test
    void withoutAnnComparisonTheAnnFiguresAreAbsent() {
        SltResult.Spread spread =
                SltResult.Spread.of(0.5, List.of(new SltResult.RepeatRow(1, 0.5, 0.5, 0.8, 1, 0, null)));
        assertThat(spread.annAccuracyMean()).isNull();
        assertThat(spread.annAccuracyStd()).isNull();
    }
}
