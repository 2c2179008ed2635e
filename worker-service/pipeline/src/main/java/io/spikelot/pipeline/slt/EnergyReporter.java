package io.spikelot.pipeline.slt;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.arch.Conv2dLayer;
import io.spikelot.model.arch.Layer;
import io.spikelot.model.arch.NeuronLayer;
import io.spikelot.model.arch.ResidualLayer;
import io.spikelot.model.arch.WeightLayer;
import io.spikelot.model.cost.CostBasis;
import io.spikelot.model.cost.CostEstimator;
import io.spikelot.model.cost.CostReport;
import io.spikelot.model.cost.FiringRates;
import io.spikelot.model.cost.LayerCost;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ANN and SNN energy per image (§7) with the measured firing rates. The pipeline measures rates at the LIF
 * layers' outputs; the cost model wants the rate of the spikes entering each conv or linear layer, which is the
 * output of the last LIF before it (a ResNet shortcut conv reads the block's input). Layers without a LIF before
 * them, and every layer of an ANN, get rate 1 (the dense upper bound).
 */
final class EnergyReporter {

    private EnergyReporter() {}

    /**
     * @param neuronRates test-set rate per LIF layer (catalog names); empty for an ANN
     * @param keptByWeight kept fraction per masked weight ({@code conv2.weight}), for the density-scaled figures
     *     of decision D15
     * @return {@code annMj}, {@code snnMj}, {@code sops}, their density-scaled variants, the rates applied and the
     *     cost basis
     */
    static Map<String, Object> energy(
            Architecture architecture,
            int timesteps,
            Map<String, Double> neuronRates,
            Map<String, Double> keptByWeight) {
        Map<String, String> inputNeuron = new LinkedHashMap<>();
        walk(architecture.layers(), new String[1], inputNeuron);
        Map<String, Double> rates = new LinkedHashMap<>();
        inputNeuron.forEach((layer, neuron) -> {
            Double rate = neuronRates.get(neuron);
            if (rate != null && Double.isFinite(rate)) {
                rates.put(layer, Math.min(1.0, Math.max(0.0, rate)));
            }
        });
        CostReport report = CostEstimator.estimate(architecture, timesteps, FiringRates.measured(rates, 1.0), 16, 1);
        double annPj = 0;
        double snnPj = 0;
        for (LayerCost layer : report.layers()) {
            double density = keptByWeight.getOrDefault(layer.name() + ".weight", 1.0);
            annPj += layer.annEnergyPj() * density;
            snnPj += layer.snnEnergyPj() * density;
        }
        Map<String, Object> energy = new LinkedHashMap<>();
        energy.put("annMj", report.energy().annEnergyMj());
        energy.put("snnMj", report.energy().snnEnergyMj());
        energy.put("snnEncodingMj", report.energy().snnEncodingEnergyMj());
        energy.put("snnSynapticMj", report.energy().snnSynapticEnergyMj());
        energy.put("sops", report.energy().sops());
        energy.put("annMjDensityScaled", annPj / 1e9);
        energy.put("snnMjDensityScaled", snnPj / 1e9);
        energy.put(
                "densityScaling",
                "D15: the *DensityScaled figures multiply each layer's MACs by its kept fraction; the others are dense");
        energy.put("timesteps", timesteps);
        energy.put("inputFiringRates", rates);
        energy.put("basis", basis(report.energy().basis()));
        return energy;
    }

    private static Map<String, Object> basis(CostBasis basis) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("macEnergyPj", basis.macEnergyPj());
        out.put("acEnergyPj", basis.acEnergyPj());
        out.put("processNode", basis.processNode());
        out.put("source", basis.source());
        out.put("annFormula", basis.annFormula());
        out.put("snnFormula", basis.snnFormula());
        return out;
    }

    /** Maps each non-encoding weight layer to the LIF layer whose spikes it reads; {@code last[0]} is the latest LIF. */
    private static void walk(List<Layer> layers, String[] last, Map<String, String> inputNeuron) {
        for (Layer layer : layers) {
            if (layer instanceof NeuronLayer neuron) {
                last[0] = neuron.name();
            } else if (layer instanceof WeightLayer weight) {
                boolean encoding = weight instanceof Conv2dLayer conv && conv.encoding();
                if (!encoding && last[0] != null) {
                    inputNeuron.put(weight.name(), last[0]);
                }
            } else if (layer instanceof ResidualLayer residual) {
                String before = last[0];
                walk(residual.body(), last, inputNeuron);
                String afterBody = last[0];
                last[0] = before;
                walk(residual.shortcut(), last, inputNeuron);
                last[0] = afterBody;
                walk(residual.after(), last, inputNeuron);
            } else {
                walk(layer.children(), last, inputNeuron);
            }
        }
    }
}
