package io.spikelot.model.arch;

/**
 * Kim et al.'s spiking VGG-16 ({@code vgg16_bn}, configuration D, of their {@code cifarsvhn/vgg.py}): thirteen 3×3
 * convs with biases (64, 64, 128, 128, 256 ×3, 512 ×3, 512 ×3), each followed by affine BatchNorm and a neuron, a
 * 2×2 max-pool closing each of the five stages, then one linear head (512 → classes, bias). At 3×32×32 and 10
 * classes: 14,714,688 conv weights and biases, 8,448 BatchNorm γ/β and 5,130 in the head, 14,728,266 in all.
 *
 * <p>The order is conv → BN → neuron, with the pool after the stage's last neuron, as the reference builds it. A
 * 28×28 input reaches 1×1 after four pools, where a fifth would leave nothing; the stage's pool is then left out,
 * so the head still reads 512 features (the reference's Fashion-MNIST variant keeps the pool and cannot run).
 */
final class Vgg16 implements ArchitectureDefinition {

    private static final int[][] STAGES = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};

    @Override
    public String name() {
        return "vgg16";
    }

    @Override
    public String summary() {
        return "VGG-16 of Kim et al.: 13 conv3x3 with biases, affine BN, 5 max-pools, one linear head";
    }

    @Override
    public void build(LayerStack stack, int classes) {
        int conv = 1;
        for (int stage = 0; stage < STAGES.length; stage++) {
            for (int width : STAGES[stage]) {
                stack.conv("conv" + conv, width, 3, 1, 1, true)
                        .batchNorm("bn" + conv, true)
                        .neuron("lif" + conv);
                conv++;
            }
            if (stack.shape().get(1) >= 2) {
                stack.maxPool("pool" + (stage + 1), 2, 2, 0);
            }
        }
        stack.flatten("flatten").linear("head", classes, true);
    }
}
