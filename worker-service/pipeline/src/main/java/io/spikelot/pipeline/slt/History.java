package io.spikelot.pipeline.slt;

import io.spikelot.pipeline.report.CsvTable;
import io.spikelot.pipeline.train.EpochReport;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code history.csv}: one row per epoch per search, columns {@code pruneRatio, network, epoch, loss,
 * trainAccuracy, testAccuracy, meanFiringRate} and one {@code firingRate.<lif layer>} column per LIF layer (test
 * split; empty for the ANN counterpart).
 */
final class History {

    private History() {}

    static byte[] csv(SltJob job) {
        List<RatioRun> all = new ArrayList<>(job.runs());
        all.addAll(job.annRuns());
        Set<String> layers = new LinkedHashSet<>();
        all.forEach(run -> run.search()
                .training()
                .history()
                .forEach(e -> layers.addAll(e.testFiringRates().keySet())));
        List<String> header = new ArrayList<>(
                List.of("pruneRatio", "network", "epoch", "loss", "trainAccuracy", "testAccuracy", "meanFiringRate"));
        layers.forEach(layer -> header.add("firingRate." + layer));
        CsvTable table = new CsvTable(header);
        for (RatioRun run : all) {
            for (EpochReport epoch : run.search().training().history()) {
                List<Object> row = new ArrayList<>();
                row.add(run.ratio());
                row.add(run.spiking() ? "snn" : "ann");
                row.add(epoch.epoch());
                row.add(epoch.trainLoss());
                row.add(epoch.trainAccuracy());
                row.add(epoch.test().accuracy());
                var rates = epoch.testFiringRates();
                row.add(
                        rates.isEmpty()
                                ? null
                                : rates.values().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .average()
                                        .orElse(0));
                layers.forEach(layer -> row.add(rates.get(layer)));
                table.add(row);
            }
        }
        return table.bytes();
    }
}
