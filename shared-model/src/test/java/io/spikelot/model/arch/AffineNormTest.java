package io.spikelot.model.arch;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.model.cost.OperationCounter;
import org.junit.jupiter.api.Test;

class AffineNormTest {

    @Test
    void everyBatchNormBecomesAffineAndAddsItsScaleAndShift() {
        Architecture plain = ArchitectureCatalog.resolve("convnet-s", new InputShape(1, 28, 28), 10);
        Architecture affine = plain.withAffineNorm();

        assertThat(plain.allLayers())
                .filteredOn(BatchNormLayer.class::isInstance)
                .isNotEmpty()
                .allMatch(l -> !((BatchNormLayer) l).affine());
        assertThat(affine.allLayers())
                .filteredOn(BatchNormLayer.class::isInstance)
                .allMatch(l -> ((BatchNormLayer) l).affine());
        // bn1 (32 channels) and bn2 (64) gain γ and β
        assertThat(OperationCounter.parameters(affine) - OperationCounter.parameters(plain))
                .isEqualTo(2 * (32 + 64));
        assertThat(affine.weightLayers()).isEqualTo(plain.weightLayers());
    }

    @Test
    void nestedNormsOfResidualAndAttentionLayersAreRewrittenToo() {
        Architecture resnet = ArchitectureCatalog.resolve("resnet19", new InputShape(3, 32, 32), 10);
        assertThat(resnet.withAffineNorm().parameters()).isEqualTo(resnet.parameters());
        Architecture spikformer = ArchitectureCatalog.resolve("spikformer-tiny", new InputShape(3, 32, 32), 10);
        assertThat(spikformer.withAffineNorm().allLayers()).hasSameSizeAs(spikformer.allLayers());
    }
}
