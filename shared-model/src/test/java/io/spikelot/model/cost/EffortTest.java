package io.spikelot.model.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** QSNN bit budget, S-ACE, NS-ACE and parameter storage (ALGORITHMS §6). */
class EffortTest {

    private static final InputShape TINY = new InputShape(1, 4, 4);
    private static final InputShape CIFAR = new InputShape(3, 32, 32);

    @Test
    void bitBudgetIsTimestepsTimesWeightBitsTimesSpikeBits() {
        assertThat(BitBudget.of(2, 4, 3).bitsPerSynapse()).isEqualTo(24);
        assertThat(BitBudget.of(1, 1, 1).bitsPerSynapse()).isEqualTo(1);
        assertThatThrownBy(() -> new BitBudget(2, 4, 3, 23)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BitBudget.of(0, 1, 4)).hasMessageContaining("weight bits W");
        assertThatThrownBy(() -> BitBudget.of(16, 1, 0)).hasMessageContaining("timesteps T");
    }

    @Test
    void sAceIsMacsTimesTimesWeightBitsTimesSpikeBits() {
        // tiny convnet-s: 4,608 + 73,728 + 128 = 78,464 weight MACs; W 2, S 4, T 3 → BB 24
        EffortReport effort = CostEstimator.estimate("convnet-s", TINY, 2, 3, FiringRates.uniform(0.5), 2, 4)
                .effort();

        assertThat(effort.weightMacs()).isEqualTo(78_464);
        assertThat(effort.sAce()).isEqualTo(1_883_136);
        assertThat(effort.denseSops()).isEqualTo(941_568);
        // the encoder's analog input counts at rate 1: (4,608 + 0.5·73,856)·24 = 996,864
        assertThat(effort.nsAce()).isCloseTo(996_864.0, within(1e-6));
    }

    @Test
    void sAceIsTheDenseSopsColumnTimesWeightBits() {
        EffortReport effort =
                CostEstimator.estimate("resnet19", CIFAR, 10, 4, null, 8, 2).effort();

        assertThat(effort.sAce()).isEqualTo(effort.denseSops() * 8);
    }

    @ParameterizedTest(name = "{0} at rate {1}")
    @CsvSource({"vgg9, 0.0", "vgg9, 0.3", "resnet19-tdbn, 0.7", "spikformer-4-384, 0.15", "spikformer-small, 0.99"})
    void nsAceNeverExceedsSAce(String name, double rate) {
        EffortReport effort = CostEstimator.estimate(name, CIFAR, 10, 4, FiringRates.uniform(rate), 4, 2)
                .effort();

        assertThat(effort.nsAce()).isLessThan(effort.sAce());
    }

    @Test
    void nsAceEqualsSAceWhenEverySynapseFires() {
        EffortReport effort = CostEstimator.estimate("vgg9", CIFAR, 10, 2, FiringRates.dense(), 4, 2)
                .effort();

        assertThat(effort.nsAce()).isEqualTo((double) effort.sAce());
    }

    @Test
    void attentionMatmulsHaveNoWeightsAndStayOutOfSAce() {
        CostReport report = CostEstimator.estimate("spikformer-4-384", CIFAR, 10, 4, null, 16, 1);

        // 4 blocks · 2 matmuls · 64·64·384
        assertThat(report.attentionMacs()).isEqualTo(12_582_912);
        assertThat(report.effort().weightMacs()).isEqualTo(report.macs() - report.attentionMacs());
    }

    @Test
    void spikformer4x384SAceIsWithinHalfAPercentOfTheQsnnTable() {
        // QSNN Table 5, CIFAR10 Spikformer-4-384 at W/S/T 16/1/4: 59.10 G
        EffortReport effort = CostEstimator.estimate("spikformer-4-384", CIFAR, 10, 4, null, 16, 1)
                .effort();

        assertThat(effort.sAce() / 1e9).isCloseTo(59.10, within(59.10 * 0.005));
    }

    @Test
    void parametersInSixteenBitEquivalentMillionsArePTimesWOver16() {
        // QSNN's "Params (M)": 4.15M·W/16 gives 0.26 at W = 1; the true 4-384 count is 9,324,730
        EffortReport effort = CostEstimator.estimate("spikformer-4-384", CIFAR, 10, 1, null, 1, 4)
                .effort();

        assertThat(effort.parameterBits()).isEqualTo(9_324_730L);
        assertThat(effort.parameters16BitEquivalentMillions()).isCloseTo(0.58279562, within(1e-8));
        EffortReport full =
                CostEstimator.estimate("resnet19", CIFAR, 10, 4, null, 16, 1).effort();
        assertThat(full.parameters16BitEquivalentMillions()).isCloseTo(12.630858, within(1e-9));
        assertThat(full.parameterBits()).isEqualTo(12_630_858L * 16);
    }

    @Test
    void sAceGrowsLinearlyInEachOfWSAndT() {
        var vgg = ArchitectureCatalog.resolve("vgg9", CIFAR, 10);
        long base = CostEstimator.estimate(vgg, 1, null, 1, 1).effort().sAce();

        assertThat(base).isEqualTo(153_881_088L);
        assertThat(CostEstimator.estimate(vgg, 4, null, 1, 1).effort().sAce()).isEqualTo(4 * base);
        assertThat(CostEstimator.estimate(vgg, 1, null, 8, 1).effort().sAce()).isEqualTo(8 * base);
        assertThat(CostEstimator.estimate(vgg, 1, null, 1, 2).effort().sAce()).isEqualTo(2 * base);
    }
}
