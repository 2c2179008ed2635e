package io.spikelot.pipeline.slt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.spikelot.model.result.SltResult;
import io.spikelot.model.spec.SearchSettings;
import io.spikelot.model.spec.WeightInitKind;
import io.spikelot.pipeline.testing.Hdf5Files;
import io.spikelot.pipeline.testing.PythonScripts;
import io.spikelot.pipeline.testing.RecordingContext;
import io.spikelot.pipeline.testing.SafetensorsFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code ticket-packed.safetensors} unpacks, with the PyTorch loader's {@code unpack_ticket}, to the very bits of
 * {@code model.safetensors}: every tensor, same names, dtypes and shapes, compared as raw bytes. For a multi-prize
 * ticket (mask, sign bits, α) and an edge-popup ticket (mask bits, kept values). Fails, not skips, without torch.
 */
class PackedTicketUnpackTest {

    private static final String PYTHON = System.getenv()
            .getOrDefault("SPIKELOT_TORCH_PYTHON", System.getenv().getOrDefault("SPIKELOT_PYTHON", "python3"));

    /** Unpacks argv[2] with the loader in argv[1] and compares it byte for byte with argv[3]. */
    private static final String COMPARE = String.join(
            "\n",
            "import sys, json, importlib.util, torch",
            "spec = importlib.util.spec_from_file_location('spikelot_torch', sys.argv[1])",
            "st = importlib.util.module_from_spec(spec); spec.loader.exec_module(st)",
            "packed, meta = st.read_safetensors(sys.argv[2])",
            "dense, _ = st.read_safetensors(sys.argv[3])",
            "unpacked = st.unpack_ticket(packed, meta)",
            "def raw(t): return t.contiguous().view(torch.uint8) if t.dtype != torch.bool else t.to(torch.uint8)",
            "differ = [n for n in dense if n not in unpacked or unpacked[n].dtype != dense[n].dtype",
            "          or list(unpacked[n].shape) != list(dense[n].shape)",
            "          or not torch.equal(raw(unpacked[n]).reshape(-1), raw(dense[n]).reshape(-1))]",
            "print(json.dumps({'tensors': len(dense), 'unpacked': len(unpacked), 'differ': differ,",
            "                  'alphas': sum(1 for n in packed if n.endswith('.alpha')),",
            "                  'values': sum(1 for n in packed if n.endswith('.values'))}))");

    @TempDir
    Path scratch;

    private SltResult result;

    @BeforeAll
    static void requireTorch() throws Exception {
        String missing = PythonScripts.missing(PYTHON, "torch");
        if (missing != null) {
            fail("This test needs " + PYTHON + " with torch (CI installs python3-torch): " + missing);
        }
    }

    @Test
    void aMultiPrizeTicketUnpacksBitForBitFromSignsAndAlpha() throws Exception {
        JsonNode report = unpack(SltSpecFixtures.biprop(0.5));
        assertThat(report.get("alphas").asInt())
                .as("every masked layer packed as ±α")
                .isEqualTo(3);
        assertThat(report.get("values").asInt()).isZero();
        // 2 bits instead of 32 per masked weight; BatchNorm statistics and the header stay
        assertThat(result.ticketPackedBytes() * 10).isLessThan(result.ticketDenseBytes());
    }

    @Test
    void anEdgePopupTicketOfNormalWeightsUnpacksBitForBitFromItsKeptValues() throws Exception {
        JsonNode report = unpack(SltSpecFixtures.edgePopup(0.5).withWeightInit(WeightInitKind.KAIMING_NORMAL));
        assertThat(report.get("values").asInt()).isEqualTo(3);
        assertThat(report.get("alphas").asInt()).isZero();
    }

    @Test
    void anEdgePopupTicketOfSignedConstantWeightsPacksAsSignsAndAlphaToo() throws Exception {
        // its kept weights are ±σ: the same two bits per weight as a multi-prize ticket
        JsonNode report = unpack(SltSpecFixtures.edgePopup(0.5));
        assertThat(report.get("alphas").asInt()).isEqualTo(3);
    }

    private JsonNode unpack(SearchSettings search) throws Exception {
        RecordingContext context = new RecordingContext(scratch);
        result = new SltPipeline(Path.of("/usr/share/datasets"))
                .run(SltSpecFixtures.aSltSpec().withSearch(search).build(), context);
        byte[] packed = context.artifacts.get("ticket-packed.safetensors");
        byte[] dense = context.artifacts.get("model.safetensors");
        assertThat(result.ticketPackedBytes()).isEqualTo(packed.length);
        assertThat(result.ticketDenseBytes()).isEqualTo(dense.length);
        assertThat(SafetensorsFiles.header(packed)
                        .getAsJsonObject("__metadata__")
                        .get("bitOrder")
                        .getAsString())
                .startsWith("little");

        Path loader = scratch.resolve("spikelot_torch.py");
        try (InputStream in = getClass().getResourceAsStream("/io/spikelot/clients/spikelot_torch.py")) {
            assertThat(in).as("the loader on the class path").isNotNull();
            Files.write(loader, in.readAllBytes());
        }
        Path nir = Files.write(scratch.resolve("model.nir"), context.artifacts.get("model.nir"));
        assertThat(Hdf5Files.datasets(nir)
                        .get("node/nodes/conv1/type")
                        .get("text")
                        .asString())
                .as("the spiking ticket's model.nir")
                .isEqualTo("Conv2d");
        Path packedFile = Files.write(scratch.resolve("ticket-packed.safetensors"), packed);
        Path denseFile = Files.write(scratch.resolve("model.safetensors"), dense);
        JsonNode report = PythonScripts.json(
                PYTHON,
                COMPARE,
                List.of(loader.toString(), packedFile.toString(), denseFile.toString()),
                "CI installs python3-torch");
        assertThat(report.get("differ")).as(report.toString()).isEmpty();
        assertThat(report.get("unpacked").asInt())
                .isEqualTo(report.get("tensors").asInt());
        return report;
    }
}
