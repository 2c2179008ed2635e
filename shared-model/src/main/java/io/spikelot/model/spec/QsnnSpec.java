package io.spikelot.model.spec;

/**
 * A normalized {@code qsnn} job spec (quantized spiking network under a bit budget), exactly as the API stores and
 * dispatches it. The model's {@code neuron} and {@code timesteps} are not part of a qsnn spec: the network always
 * spikes, and T comes from each allocation.
 *
 * @param type always {@code "qsnn"}
 * @param name the user's label for the job, or null
 * @param model the network: architecture and LIF settings
 * @param dataset what to train and test on
 * @param training optimizer, epochs, batch size, seed; every allocation trains with them
 * @param resources where to run
 * @param quantization the W/S/T allocations, given one by one or as a bit budget
 */
public record QsnnSpec(
        String type,
        String name,
        QsnnModelSettings model,
        DatasetSettings dataset,
        TrainingSettings training,
        ResourceSettings resources,
        QuantizationSettings quantization) {}
