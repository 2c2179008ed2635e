package io.spikelot.pipeline.nir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link NirGraph} in NIR's HDF5 layout, the one {@code nir.write} produces and {@code nir.read} reads:
 * the string dataset {@code version} at the root, and the group {@code node} with the string dataset
 * {@code type = "NIRGraph"}, the group {@code nodes} (one group per node: its {@code type} and parameter datasets),
 * the string dataset {@code edges} of shape {@code [E, 2]} and the group {@code metadata}. Float arrays are
 * deflate-compressed. Everything is a dataset,
 * nothing an attribute, as in NIR. jHDF writes to a file only, so the bytes pass through a temporary one.
 */
public final class NirFile {

    /** The NIR format version the layout follows. */
    public static final String NIR_VERSION = "1.0.0";

    private static final DatasetCreationOptions COMPRESSED =
            DatasetCreationOptions.builder().deflate().build();

    private NirFile() {}

    /** The whole file as bytes. */
    public static byte[] bytes(NirGraph graph) throws IOException {
        Path file = Files.createTempFile("spikelot-", ".nir");
        try {
            write(file, graph);
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes {@code graph} to {@code file}, replacing it. */
    public static void write(Path file, NirGraph graph) throws IOException {
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            hdf.putDataset("version", NIR_VERSION);
            WritableGroup root = hdf.putGroup("node");
            root.putDataset("type", "NIRGraph");
            WritableGroup nodes = root.putGroup("nodes");
            for (NirNode node : graph.nodes()) {
                WritableGroup group = nodes.putGroup(node.name());
                group.putDataset("type", node.type());
                node.parameters().forEach((name, value) -> put(group, name, value));
            }
            root.putDataset("edges", edges(graph.edges()));
            if (!graph.metadata().isEmpty()) {
                WritableGroup metadata = root.putGroup("metadata");
                graph.metadata().forEach(metadata::putDataset);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Float arrays compressed with deflate (gzip), as {@code nir.write} does; the LIF ones are constant. */
    private static void put(WritableGroup group, String name, Object value) {
        if (value.getClass().isArray() && value.getClass().getName().endsWith("F")) {
            group.putDataset(name, value, COMPRESSED);
        } else {
            group.putDataset(name, value);
        }
    }

    private static String[][] edges(List<List<String>> edges) {
        return edges.stream().map(e -> e.toArray(String[]::new)).toArray(String[][]::new);
    }
}
