package io.spikelot.model.cost;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.model.arch.ArchitectureCatalog;
import io.spikelot.model.arch.InputShape;
import java.util.List;
import org.junit.jupiter.api.Test;

class MacCountTest {

    @Test
    void countsATinyConvNetByHand() {
        // convnet-s on 1×4×4, 2 classes:
        //   conv1 3×3 pad 1: 32 maps of 4×4, each output sums 1·9 products → 32·16·9 = 4,608
        //   pool → 32×2×2; conv2: 64·2·2 outputs × 32·9 = 73,728
        //   pool → 64×1×1; head 64 → 2: 128
        List<OperationCount> counts =
                OperationCounter.count(ArchitectureCatalog.resolve("convnet-s", new InputShape(1, 4, 4), 2));

        assertThat(counts)
                .extracting(OperationCount::name, OperationCount::macs, OperationCount::encoding)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("conv1", 4_608L, true),
                        org.assertj.core.groups.Tuple.tuple("conv2", 73_728L, false),
                        org.assertj.core.groups.Tuple.tuple("head", 128L, false));
        assertThat(counts).extracting(OperationCount::parameters).containsExactly(288L, 18_432L, 128L);
    }

    @Test
    void vgg9OnCifarHasTheMacsBehindThePaper0708MilliJoules() {
        // 1,769,472 + 37,748,736 + 18,874,368 + 37,748,736 + 18,874,368 + 37,748,736 (convs)
        // + 1,048,576 + 65,536 + 2,560 (FCs) = 153,881,088; × 4.6 pJ = 0.708 mJ
        List<OperationCount> counts =
                OperationCounter.count(ArchitectureCatalog.resolve("vgg9", new InputShape(3, 32, 32), 10));

        assertThat(counts.stream().mapToLong(OperationCount::macs).sum()).isEqualTo(153_881_088L);
        assertThat(counts.get(0).macs()).isEqualTo(1_769_472L);
    }

    @Test
    void vgg16OfKimHasThirteenConvsOverFiveStagesAndOneHead() {
        // 32×32: 3·64·9·1024 + 64·64·9·1024; 16×16: 64·128·9·256 + 128·128·9·256; 8×8: 128·256·9·64 + 2·256·256·9·64;
        // 4×4: 256·512·9·16 + 2·512·512·9·16; 2×2: 3·512·512·9·4; head 512·10
        long expected = 1_769_472L
                + 37_748_736L
                + 18_874_368L
                + 37_748_736L
                + 18_874_368L
                + 2 * 37_748_736L
                + 18_874_368L
                + 2 * 37_748_736L
                + 3 * 9_437_184L
                + 5_120L;
        List<OperationCount> counts =
                OperationCounter.count(ArchitectureCatalog.resolve("vgg16", new InputShape(3, 32, 32), 10));

        assertThat(expected).isEqualTo(313_201_664L);
        assertThat(counts.stream().mapToLong(OperationCount::macs).sum()).isEqualTo(expected);
    }

    @Test
    void spikformerCountsTokenLinearsAndBothAttentionMatmuls() {
        List<OperationCount> counts =
                OperationCounter.count(ArchitectureCatalog.resolve("spikformer-4-384", new InputShape(3, 32, 32), 10));

        // q_linear on 64 tokens: 64·384·384; each matmul N·N·D = 64·64·384
        assertThat(macs(counts, "block1.attn.q_linear")).isEqualTo(9_437_184L);
        assertThat(macs(counts, "block1.attn.qk")).isEqualTo(1_572_864L);
        assertThat(macs(counts, "block1.attn.av")).isEqualTo(1_572_864L);
        assertThat(counts).filteredOn(c -> c.kind() == OperationKind.ATTENTION).hasSize(8);
        // the RPE conv runs on 8×8: 64·384·384·9
        assertThat(macs(counts, "patch_embed.rpe_conv")).isEqualTo(84_934_656L);
    }

    @Test
    void affineNormsCountParametersButNoMacs() {
        List<OperationCount> counts =
                OperationCounter.count(ArchitectureCatalog.resolve("resnet19", new InputShape(3, 32, 32), 10));

        OperationCount bn1 =
                counts.stream().filter(c -> c.name().equals("bn1")).findFirst().orElseThrow();
        assertThat(bn1.kind()).isEqualTo(OperationKind.NORM);
        assertThat(bn1.parameters()).isEqualTo(128);
        assertThat(bn1.macs()).isZero();
    }

    private static long macs(List<OperationCount> counts, String name) {
        return counts.stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow()
                .macs();
    }
}
