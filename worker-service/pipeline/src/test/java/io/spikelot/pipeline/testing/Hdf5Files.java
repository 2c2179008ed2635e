package io.spikelot.pipeline.testing;

import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads an HDF5 file with an independent reader, Python's h5py, and returns every dataset as JSON: by path, its
 * dtype, shape, the sum and first values of numbers, the decoded text of strings. The interpreter is
 * {@code SPIKELOT_HDF5_PYTHON}, else Debian's {@code /usr/bin/python3} (CI installs python3-h5py); a missing h5py
 * fails the test.
 */
public final class Hdf5Files {

    private static final String PYTHON = System.getenv().getOrDefault("SPIKELOT_HDF5_PYTHON", "/usr/bin/python3");

    private static final String DUMP = String.join(
            "\n",
            "import sys, json, h5py, numpy as np",
            "out = {}",
            "def text(v): return v.decode('utf8') if isinstance(v, bytes) else v",
            "def visit(name, obj):",
            "    if not isinstance(obj, h5py.Dataset): return",
            "    v = obj[()]",
            "    entry = {'dtype': str(obj.dtype), 'shape': list(obj.shape)}",
            "    if obj.dtype.kind in 'SOU':",
            "        entry['text'] = text(v) if obj.shape == () else [[text(x) for x in row] for row in v.tolist()]",
            "    else:",
            "        flat = np.asarray(v, dtype=np.float64).reshape(-1)",
            "        entry['sum'] = float(flat.sum()); entry['first'] = [float(x) for x in flat[:4]]",
            "    out[name] = entry",
            "with h5py.File(sys.argv[1], 'r') as f:",
            "    f.visititems(visit)",
            "print(json.dumps(out))");

    private Hdf5Files() {}

    /** Every dataset of {@code file} by its path ({@code node/nodes/conv1/weight}). */
    public static JsonNode datasets(Path file) throws Exception {
        return PythonScripts.json(
                PYTHON,
                DUMP,
                List.of(file.toString()),
                "reading " + file + " with h5py; CI installs python3-h5py, SPIKELOT_HDF5_PYTHON names another"
                        + " interpreter");
    }
}
