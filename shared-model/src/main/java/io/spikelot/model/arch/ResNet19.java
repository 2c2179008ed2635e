package io.spikelot.model.arch;

/**
 * Spiking ResNet-19 in two definitions (D9, ALGORITHMS §4.3). Both: bias-free conv3x3 stem + affine BatchNorm +
 * neuron, BasicBlock stages of 128×3, 256×3 and 512×2, global average pool, FC 256 (bias) + neuron, head (bias).
 * A BasicBlock is conv3x3(s) → BN → neuron → conv3x3 → BN, plus a shortcut (identity, or 1×1 conv(s) + BN when
 * the shape changes), add, → neuron (the Kim et al. code; SEW placement has the same count).
 *
 * <ul>
 *   <li>{@code resnet19} (Kim et al., {@code cifarsvhn/resnet.py}): stem 64, all three stages stride 2; at
 *       3×32×32 and 10 classes 12,620,234 weights and biases plus 10,624 BatchNorm parameters, the paper's
 *       12.63M.
 *   <li>{@code resnet19-tdbn} (tdBN/TET): stem 128, first stage stride 1; 12,697,994 with BatchNorm.
 * </ul>
 */
final class ResNet19 implements ArchitectureDefinition {

    private static final int[] PLANES = {128, 256, 512};
    private static final int[] BLOCKS = {3, 3, 2};
    private static final int HIDDEN = 256;

    private final String name;
    private final int stem;
    private final int firstStageStride;

    private ResNet19(String name, int stem, int firstStageStride) {
        this.name = name;
        this.stem = stem;
        this.firstStageStride = firstStageStride;
    }

    static ResNet19 kim() {
        return new ResNet19("resnet19", 64, 2);
    }

    static ResNet19 tdbn() {
        return new ResNet19("resnet19-tdbn", 128, 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return "ResNet-19, stem " + stem + ", first stage stride " + firstStageStride + ", affine BN";
    }

    @Override
    public void build(LayerStack stack, int classes) {
        stack.conv("conv1", stem, 3, 1, 1, false).batchNorm("bn1", true).neuron("lif_input");
        int in = stem;
        int block = 1;
        for (int stage = 0; stage < PLANES.length; stage++) {
            for (int j = 0; j < BLOCKS[stage]; j++) {
                int stride = j > 0 ? 1 : stage == 0 ? firstStageStride : 2;
                basicBlock(stack, "block" + block++, in, PLANES[stage], stride);
                in = PLANES[stage];
            }
        }
        stack.globalAvgPool("avgpool").linear("fc1", HIDDEN, true).neuron("lif_fc");
        stack.linear("head", classes, true);
    }

    private static void basicBlock(LayerStack stack, String name, int in, int planes, int stride) {
        boolean projected = stride != 1 || in != planes;
        stack.residual(
                name,
                body -> body.conv(name + ".conv1", planes, 3, stride, 1, false)
                        .batchNorm(name + ".bn1", true)
                        .neuron(name + ".lif1")
                        .conv(name + ".conv2", planes, 3, 1, 1, false)
                        .batchNorm(name + ".bn2", true),
                projected
                        ? skip -> skip.conv(name + ".shortcut.conv", planes, 1, stride, 0, false)
                                .batchNorm(name + ".shortcut.bn", true)
                        : null,
                after -> after.neuron(name + ".lif2"));
    }
}
