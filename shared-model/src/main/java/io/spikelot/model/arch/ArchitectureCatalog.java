package io.spikelot.model.arch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed set of architectures, by name. {@link #resolve} adapts an architecture to a dataset's input shape
 * and class count, or says why it cannot.
 */
public final class ArchitectureCatalog {

    private static final Map<String, ArchitectureDefinition> DEFINITIONS = definitions();

    private ArchitectureCatalog() {}

    /** Known names, in catalog order. */
    public static List<String> names() {
        return List.copyOf(DEFINITIONS.keySet());
    }

    /** Known names with a one-line summary each. */
    public static List<CatalogEntry> entries() {
        return DEFINITIONS.values().stream()
                .map(d -> new CatalogEntry(d.name(), d.summary()))
                .toList();
    }

    /**
     * Whether the named architecture cuts its input into patch tokens (the Spikformer family), so that patch pruning
     * (MultiSp) applies to it; {@code false} for names not in the catalog.
     */
    public static boolean hasPatchTokens(String name) {
        ArchitectureDefinition definition = DEFINITIONS.get(name);
        return definition != null && definition.patchTokens();
    }

    /**
     * Resolves an architecture for an input.
     *
     * @throws UnknownArchitectureException for a name not in the catalog
     * @throws ArchitectureMismatchException when the input is too small for the architecture
     * @throws IllegalArgumentException when {@code classes < 1}
     */
    public static Architecture resolve(String name, InputShape input, int classes) {
        ArchitectureDefinition definition = DEFINITIONS.get(name);
        if (definition == null) {
            throw new UnknownArchitectureException(name, names());
        }
        if (classes < 1) {
            throw new IllegalArgumentException(name + " needs at least one class, got " + classes);
        }
        LayerStack stack = LayerStack.forInput(name, input);
        definition.build(stack, classes);
        return new Architecture(name, input, classes, stack.layers());
    }

    private static Map<String, ArchitectureDefinition> definitions() {
        Map<String, ArchitectureDefinition> all = new LinkedHashMap<>();
        register(all, new ConvNetS());
        register(all, new Vgg9());
        register(all, new Vgg16());
        register(all, ResNet19.kim());
        register(all, ResNet19.tdbn());
        SpikformerConfig.Stem rgb = SpikformerConfig.Stem.STATIC;
        SpikformerConfig.Stem dvs = SpikformerConfig.Stem.EVENT;
        // CIFAR reference and the D10 proposal for SLT's TINY/SMALL (depth 12, MLP ratio 4)
        register(all, spikformer("spikformer-4-384", rgb, 384, 4, 12, true, 0.125));
        register(all, spikformer("spikformer-tiny", rgb, 192, 12, 3, true, 0.125));
        register(all, spikformer("spikformer-small", rgb, 384, 12, 6, true, 0.125));
        // CIFAR10-DVS reference (Spikformer-2-256), and TINY/SMALL on the event stem
        register(all, spikformer("spikformer-dvs", dvs, 256, 2, 16, false, 0.25));
        register(all, spikformer("spikformer-tiny-dvs", dvs, 192, 12, 3, true, 0.125));
        register(all, spikformer("spikformer-small-dvs", dvs, 384, 12, 6, true, 0.125));
        return Collections.unmodifiableMap(all);
    }

    private static Spikformer spikformer(
            String name, SpikformerConfig.Stem stem, int dim, int depth, int heads, boolean qkvBias, double scale) {
        return new Spikformer(new SpikformerConfig(name, stem, dim, depth, heads, 4, qkvBias, scale));
    }

    private static void register(Map<String, ArchitectureDefinition> all, ArchitectureDefinition definition) {
        if (all.putIfAbsent(definition.name(), definition) != null) {
            throw new IllegalStateException("Duplicate architecture name " + definition.name());
        }
    }
}
