package io.spikelot.model.arch;

/**
 * The small net measured in the DJL spike ({@code reference/djl-spike} {@code Snn.net}): conv3x3 32 → BatchNorm
 * → neuron → max-pool 2 → conv3x3 64 → BatchNorm → neuron → max-pool 2 → flatten → head. Convs use padding 1;
 * nothing has a bias and BatchNorm is non-affine, as in the spike. At 1×28×28 the head sees 64·7·7 = 3136 inputs.
 */
final class ConvNetS implements ArchitectureDefinition {

    @Override
    public String name() {
        return "convnet-s";
    }

    @Override
    public String summary() {
        return "Small conv32-conv64-fc net of the DJL spike, no biases, non-affine BN";
    }

    @Override
    public void build(LayerStack stack, int classes) {
        stack.conv("conv1", 32, 3, 1, 1, false).batchNorm("bn1", false).neuron("lif1");
        stack.maxPool("pool1", 2, 2, 0);
        stack.conv("conv2", 64, 3, 1, 1, false).batchNorm("bn2", false).neuron("lif2");
        stack.maxPool("pool2", 2, 2, 0);
        stack.flatten("flatten").linear("head", classes, false);
    }
}
