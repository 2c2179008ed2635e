package io.spikelot.model.arch;

/**
 * SLT's VGG-9, which is the Conv-6 network of Frankle &amp; Carbin, hidden-networks and biprop (ALGORITHMS §4.3):
 * six bias-free 3×3 convs (64, 64, 128, 128, 256, 256) with a 2×2 max-pool after every second one, then FC 256,
 * FC 256 and the head, all bias-free. Layer order follows {@code Conv6_BinAct} with a neuron in place of sign:
 * conv → [pool] → BatchNorm → neuron, FC → BatchNorm → neuron (D8). BatchNorm is non-affine, as in the ticket
 * search references, so at 3×32×32 and 10 classes the network has exactly the paper's 2,261,184 weights.
 */
final class Vgg9 implements ArchitectureDefinition {

    private static final int[] WIDTHS = {64, 64, 128, 128, 256, 256};
    private static final int HIDDEN = 256;

    @Override
    public String name() {
        return "vgg9";
    }

    @Override
    public String summary() {
        return "VGG-9 (Conv-6): 6 conv3x3 + 3 FC, no biases, non-affine BN";
    }

    @Override
    public void build(LayerStack stack, int classes) {
        for (int i = 1; i <= WIDTHS.length; i++) {
            stack.conv("conv" + i, WIDTHS[i - 1], 3, 1, 1, false);
            if (i % 2 == 0) {
                stack.maxPool("pool" + i / 2, 2, 2, 0);
            }
            stack.batchNorm("bn" + i, false).neuron("lif" + i);
        }
        stack.flatten("flatten");
        for (int i = 1; i <= 2; i++) {
            stack.linear("fc" + i, HIDDEN, false)
                    .batchNorm("fc" + i + "_bn", false)
                    .neuron("fc" + i + "_lif");
        }
        stack.linear("head", classes, false);
    }
}
