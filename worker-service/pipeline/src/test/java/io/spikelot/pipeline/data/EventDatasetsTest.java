package io.spikelot.pipeline.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spikelot.model.messaging.JobError;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.encoding.EventStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers of AEDAT 2.0, AEDAT 3.1 and npz against files written by an independent writer. */
class EventDatasetsTest {

    @TempDir
    Path root;

    private static final int[][] EVENTS = {{3, 5, 1, 100}, {127, 0, 0, 150}, {64, 90, 1, 400}};

    @Test
    void aedat2DecodesCifar10DvsAddresses() throws IOException {
        Path file = root.resolve("a.aedat");
        EventFileWriters.aedat2(file, EVENTS);
        EventStream s = Aedat2Reader.read(file);
        assertThat(s.x()).containsExactly(3, 127, 64);
        assertThat(s.y()).containsExactly(5, 0, 90);
        assertThat(s.p()).containsExactly(1, 0, 1);
        assertThat(s.t()).containsExactly(100, 150, 400);
    }

    @Test
    void aedat31ReadsPolarityPacketsWithTimestampOverflow() throws IOException {
        Path file = root.resolve("user01_led.aedat");
        EventFileWriters.aedat31(file, EVENTS, 1);
        EventStream s = Aedat31Reader.readAll(file, 128, 128);
        assertThat(s.x()).containsExactly(3, 127, 64);
        assertThat(s.y()).containsExactly(5, 0, 90);
        assertThat(s.p()).containsExactly(1, 0, 1);
        assertThat(s.t()).containsExactly((1L << 31) + 100, (1L << 31) + 150, (1L << 31) + 400);
    }

    @Test
    void gestureSamplesAreTheLabelledTimeWindows() throws IOException {
        Path dir = Files.createDirectories(root.resolve("dvs128-gesture"));
        EventFileWriters.aedat31(dir.resolve("user01_led.aedat"), EVENTS, 0);
        Files.writeString(
                dir.resolve("user01_led_labels.csv"), "class,startTime_usec,endTime_usec\n3,90,200\n11,300,500\n");
        Files.writeString(dir.resolve("trials_to_train.txt"), "user01_led.aedat\n");
        Files.writeString(dir.resolve("trials_to_test.txt"), "user01_led.aedat\n");
        Dataset data = new DatasetResolver(root)
                .resolve(new DatasetSpec("dvs128-gesture", null, 1), EventFrameOptions.of(2), 0);
        assertThat(data.train().size()).isEqualTo(2);
        assertThat(data.train().label(0)).isEqualTo(2);
        assertThat(data.train().label(1)).isEqualTo(10);
        assertThat(data.test().size()).isEqualTo(1);
        float[] frames = new float[data.train().sampleLength()];
        data.train().copySample(0, frames, 0);
        // two events in window 0, split by number into one per frame
        assertThat(sum(frames)).isEqualTo(2f);
        assertThat(frames[(1 * 128 + 5) * 128 + 3]).isEqualTo(1f);
    }

    @Test
    void npzEventsAreReadPerClassFolder() throws IOException {
        Path dir = Files.createDirectories(root.resolve("events-npz"));
        Files.writeString(dir.resolve("sensor.txt"), "34 34 2\n");
        for (String split : new String[] {"train", "test"}) {
            for (int c = 0; c < 2; c++) {
                Path folder = Files.createDirectories(dir.resolve(split).resolve(Integer.toString(c)));
                EventFileWriters.npz(
                        folder.resolve("s.npz"),
                        Map.of("x", new int[] {1, 33}, "y", new int[] {2, 0}, "t", new int[] {10, 20}, "p", new int[] {
                            c, 1
                        }));
            }
        }
        Dataset data = new DatasetResolver(root)
                .resolve(
                        new DatasetSpec("events-npz", null, null),
                        new EventFrameOptions(1, io.spikelot.model.spec.FrameSplit.TIME, 17),
                        0);
        assertThat(data.train().size()).isEqualTo(2);
        assertThat(data.train().label(1)).isEqualTo(1);
        assertThat(data.train().frameShape().height()).isEqualTo(17);
        float[] frames = new float[data.train().sampleLength()];
        data.train().copySample(1, frames, 0);
        // resized 34→17: (1, 2) → (0, 1) with p=1; (33, 0) → (16, 0) with p=1
        assertThat(frames[(17 + 1) * 17]).isEqualTo(1f);
        assertThat(frames[17 * 17 + 16]).isEqualTo(1f);
    }

    @Test
    void truncatedAedat31NamesTheFileAndOffset() throws IOException {
        Path file = root.resolve("cut.aedat");
        EventFileWriters.aedat31(file, EVENTS, 0);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        assertThatThrownBy(() -> Aedat31Reader.readAll(file, 128, 128))
                .isInstanceOfSatisfying(
                        PipelineException.class, e -> assertThat(e.code()).isEqualTo(JobError.INVALID_SPEC))
                .hasMessageContaining(file.toString())
                .hasMessageContaining("byte offset")
                .hasMessageContaining("truncated");
    }

    @Test
    void truncatedAedat2AndBadHeaderAreRejected() throws IOException {
        Path file = root.resolve("cut2.aedat");
        EventFileWriters.aedat2(file, EVENTS);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThatThrownBy(() -> Aedat2Reader.read(file))
                .hasMessageContaining("byte offset")
                .hasMessageContaining("truncated");
        Files.writeString(file, "#!AER-DAT1.0\r\n");
        assertThatThrownBy(() -> Aedat2Reader.read(file)).hasMessageContaining("#!AER-DAT2.0");
    }

    @Test
    void truncatedNpyNamesTheEntry() throws IOException {
        byte[] npy = EventFileWriters.npy(new int[] {1, 2, 3});
        assertThatThrownBy(() -> NpyArrays.parse("f.npz!x.npy", java.util.Arrays.copyOf(npy, npy.length - 2)))
                .hasMessageContaining("f.npz!x.npy")
                .hasMessageContaining("truncated");
    }

    private static float sum(float[] values) {
        float s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
