package io.spikelot.model.arch;

/**
 * An architecture that cannot take the given input: a layer would produce an empty map, or downsample a map
 * narrower than its stride. Carries the architecture, the input shape and the layer where it broke.
 */
public final class ArchitectureMismatchException extends IllegalArgumentException {

    private final String architecture;
    private final InputShape input;
    private final String layer;
    private final FeatureShape layerInput;

    public ArchitectureMismatchException(
            String architecture, InputShape input, String layer, FeatureShape layerInput, String reason) {
        super("Architecture '" + architecture + "' does not fit input " + input + ": layer '" + layer + "' with input "
                + layerInput + " " + reason);
        this.architecture = architecture;
        this.input = input;
        this.layer = layer;
        this.layerInput = layerInput;
    }

    public String architecture() {
        return architecture;
    }

    public InputShape input() {
        return input;
    }

    public String layer() {
        return layer;
    }

    public FeatureShape layerInput() {
        return layerInput;
    }
}
