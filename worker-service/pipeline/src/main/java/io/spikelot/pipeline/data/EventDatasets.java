package io.spikelot.pipeline.data;

import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.encoding.EventStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Loaders of the event-camera datasets. Each reads every file it uses eagerly, so corrupt files fail early. */
final class EventDatasets {

    static final List<String> CIFAR10_CLASSES =
            List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck");
    private static final int DVS128 = 128;

    private EventDatasets() {}

    /**
     * DVS128-Gesture: {@code trials_to_train.txt} / {@code trials_to_test.txt} list {@code .aedat} files; each has a
     * {@code <file>_labels.csv} of {@code class,startTime_usec,endTime_usec} (classes 1..11), one sample per row.
     */
    static EventSamples gesture(Path dir, boolean train, int limit, EventFrameOptions options) {
        List<EventStream> streams = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String trial : lines(dir.resolve(train ? "trials_to_train.txt" : "trials_to_test.txt"))) {
            if (streams.size() >= limit) {
                break;
            }
            Path recording = dir.resolve(trial);
            EventBuffer events = Aedat31Reader.read(recording, DVS128, DVS128);
            Path csv = dir.resolve(trial.replaceFirst("\\.aedat$", "") + "_labels.csv");
            List<String> rows = lines(csv);
            for (int r = 1; r < rows.size() && streams.size() < limit; r++) {
                long[] row = csvRow(csv, r, rows.get(r));
                if (row[0] < 1 || row[0] > 11) {
                    throw PipelineException.invalidSpec(
                            "Dataset file " + csv + " line " + (r + 1) + ": class " + row[0] + " is not in 1..11");
                }
                labels.add((int) row[0] - 1);
                streams.add(events.slice(row[1], row[2], DVS128, DVS128));
            }
        }
        return samples(streams, labels, 11, options.forSensor(DVS128, DVS128));
    }

    /** CIFAR10-DVS: {@code <class>/*.aedat}; per class, sorted by name, the first 90% train and the rest test. */
    static EventSamples cifar10Dvs(Path dir, boolean train, int limit, EventFrameOptions options) {
        List<EventStream> streams = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<List<Path>> perClass = new ArrayList<>();
        for (String name : CIFAR10_CLASSES) {
            List<Path> files = list(dir.resolve(name), ".aedat");
            int cut = (int) Math.round(files.size() * 0.9);
            perClass.add(train ? files.subList(0, cut) : files.subList(cut, files.size()));
        }
        // interleave classes so that a limit still covers every class
        for (int i = 0; streams.size() < limit; i++) {
            boolean any = false;
            for (int c = 0; c < perClass.size() && streams.size() < limit; c++) {
                if (i < perClass.get(c).size()) {
                    streams.add(Aedat2Reader.read(perClass.get(c).get(i)));
                    labels.add(c);
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        return samples(streams, labels, 10, options.forSensor(DVS128, DVS128));
    }

    /**
     * Event npz files: {@code <split>/<label>/*.npz} with 1-d arrays {@code x, y, t, p}; {@code sensor.txt} in the
     * dataset folder holds {@code width height classes}.
     */
    static EventSamples npz(Path dir, boolean train, int limit, EventFrameOptions options) {
        long[] sensor = csvRow(
                dir.resolve("sensor.txt"),
                0,
                String.join(",", lines(dir.resolve("sensor.txt"))).trim().replaceAll("[\\s,]+", ","));
        int width = (int) sensor[0];
        int height = (int) sensor[1];
        int classes = (int) sensor[2];
        List<EventStream> streams = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes && streams.size() < limit; c++) {
            for (Path file : list(dir.resolve(train ? "train" : "test").resolve(Integer.toString(c)), ".npz")) {
                if (streams.size() >= limit) {
                    break;
                }
                streams.add(npzStream(file, width, height));
                labels.add(c);
            }
        }
        return samples(streams, labels, classes, options.forSensor(width, height));
    }

    private static EventStream npzStream(Path file, int width, int height) {
        Map<String, long[]> a = NpyArrays.readNpz(file);
        for (String key : List.of("x", "y", "t", "p")) {
            if (!a.containsKey(key)) {
                throw PipelineException.invalidSpec("Dataset file " + file + " has no array '" + key + "'");
            }
        }
        try {
            return new EventStream(width, height, ints(a.get("x")), ints(a.get("y")), ints(a.get("p")), a.get("t"));
        } catch (IllegalArgumentException e) {
            throw PipelineException.invalidSpec("Dataset file " + file + ": " + e.getMessage());
        }
    }

    private static int[] ints(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    private static EventSamples samples(
            List<EventStream> streams,
            List<Integer> labels,
            int classes,
            io.spikelot.pipeline.encoding.EventFraming f) {
        return new EventSamples(
                streams, labels.stream().mapToInt(Integer::intValue).toArray(), classes, f);
    }

    private static long[] csvRow(Path file, int line, String text) {
        String[] cells = text.trim().split(",");
        long[] out = new long[cells.length];
        try {
            for (int i = 0; i < cells.length; i++) {
                out[i] = Long.parseLong(cells[i].trim());
            }
        } catch (NumberFormatException e) {
            throw PipelineException.invalidSpec(
                    "Dataset file " + file + " line " + (line + 1) + " is not a row of " + "integers: '" + text + "'");
        }
        return out;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw PipelineException.invalidSpec("Dataset file " + file + " cannot be read (" + e + ")");
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw PipelineException.invalidSpec("Dataset folder " + dir + " cannot be listed (" + e + ")");
        }
    }
}
