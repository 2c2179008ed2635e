package io.spikelot.pipeline.imp;

import io.spikelot.model.artifact.Sha256;
import io.spikelot.model.result.ImpResult;
import io.spikelot.model.spec.ImpSpec;
import io.spikelot.pipeline.PipelineContext;
import io.spikelot.pipeline.artifact.JsonDocuments;
import io.spikelot.pipeline.artifact.SafetensorsReader;
import io.spikelot.pipeline.artifact.SafetensorsWriter;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.EpochReport;
import io.spikelot.pipeline.train.Evaluation;
import io.spikelot.pipeline.train.TrainingResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * Saves an {@link ImpCheckpoint} as the artifact {@value #ARTIFACT} after every complete round but the last, and
 * reads it back on a later attempt. One safetensors file, replaced each round: {@code rewind/<name>} (F32) the
 * rewind snapshot, {@code mask-r<n>/<name>} (BOOL) every round's mask, {@code state-r<n>/<name>} (F32) the kept end
 * states; its {@code __metadata__} holds {@code format}, {@code completedRounds}, {@code specSha256} (the job's spec,
 * so a checkpoint of another spec is never resumed) and {@code rounds}, the JSON of everything else.
 */
final class ImpCheckpoints {

    /** The artifact name; one file, replaced after every round. */
    static final String ARTIFACT = "checkpoint.safetensors";

    static final String FORMAT = "spikelot-imp-checkpoint";

    private ImpCheckpoints() {}

    /** What the metadata's {@code rounds} JSON holds. */
    record Saved(List<SavedRound> rounds, ImpResult.EarlyTime earlyTime, List<Long> roundSeeds) {}

    record SavedRound(int round, String phase, boolean search, boolean hasState, List<SavedSegment> segments) {}

    record SavedSegment(
            int timesteps,
            double seconds,
            int steps,
            double finalLoss,
            Evaluation test,
            List<EpochReport> history,
            int zeroGradientSteps,
            List<String> weights) {}

    /** Uploads the checkpoint through the job's artifact sink, replacing the previous round's. */
    static void save(PipelineContext context, ImpSpec spec, ImpCheckpoint checkpoint) throws IOException {
        context.artifacts().put(ARTIFACT, "application/octet-stream", bytes(spec, checkpoint));
    }

    /**
     * The checkpoint an earlier attempt left, on attempt 2 and later; empty when there is none, or when it cannot
     * be read or belongs to another spec (the attempt then starts at round 0, as without one).
     */
    static Optional<ImpCheckpoint> load(PipelineContext context, ImpSpec spec) throws IOException {
        if (context.attempt() < 2) {
            return Optional.empty();
        }
        Optional<byte[]> file = context.earlierArtifact(ARTIFACT);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return parse(spec, file.get());
        } catch (IOException | JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static byte[] bytes(ImpSpec spec, ImpCheckpoint checkpoint) throws IOException {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        checkpoint.rewind().forEach((name, t) -> tensors.put("rewind/" + name, t));
        List<SavedRound> rounds = new ArrayList<>();
        for (RoundRun round : checkpoint.rounds()) {
            round.masks().forEach((name, m) -> tensors.put("mask-r" + round.round() + "/" + name, m));
            boolean keep = checkpoint.keepsState(round);
            if (keep) {
                round.state().forEach((name, t) -> tensors.put("state-r" + round.round() + "/" + name, t));
            }
            rounds.add(new SavedRound(round.round(), round.phase(), round.search(), keep, segments(round)));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        metadata.put("completedRounds", Integer.toString(checkpoint.rounds().size()));
        metadata.put("specSha256", fingerprint(spec));
        metadata.put(
                "rounds", JsonDocuments.compact(new Saved(rounds, checkpoint.earlyTime(), checkpoint.roundSeeds())));
        return SafetensorsWriter.bytes(tensors, metadata);
    }

    static Optional<ImpCheckpoint> parse(ImpSpec spec, byte[] file) throws IOException {
        SafetensorsReader reader = SafetensorsReader.read(file);
        Map<String, String> meta = reader.metadata();
        if (!FORMAT.equals(meta.get("format")) || !fingerprint(spec).equals(meta.get("specSha256"))) {
            return Optional.empty();
        }
        Saved saved = JsonDocuments.read(meta.get("rounds"), Saved.class);
        List<RoundRun> rounds = new ArrayList<>();
        for (SavedRound round : saved.rounds()) {
            Map<String, HostTensor.Floats> state = round.hasState() ? floats(reader, "state-r" + round.round()) : null;
            Map<String, HostTensor.Booleans> masks = new LinkedHashMap<>();
            for (String name : round.segments().get(0).weights()) {
                masks.put(name, reader.booleans("mask-r" + round.round() + "/" + name));
            }
            List<Segment> segments = new ArrayList<>();
            for (int i = 0; i < round.segments().size(); i++) {
                SavedSegment s = round.segments().get(i);
                boolean last = i == round.segments().size() - 1;
                segments.add(new Segment(
                        new TrainingResult(
                                s.steps(), s.finalLoss(), s.test(), s.history(), new double[0], s.zeroGradientSteps()),
                        s.timesteps(),
                        s.seconds(),
                        null,
                        last ? state : null,
                        s.weights()));
            }
            rounds.add(new RoundRun(round.round(), round.phase(), round.search(), masks, segments));
        }
        if (rounds.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ImpCheckpoint(rounds, floats(reader, "rewind"), saved.earlyTime(), saved.roundSeeds()));
    }

    private static List<SavedSegment> segments(RoundRun round) {
        return round.segments().stream()
                .map(s -> new SavedSegment(
                        s.timesteps(),
                        s.seconds(),
                        s.training().steps(),
                        s.training().finalLoss(),
                        s.training().test(),
                        s.training().history(),
                        s.training().zeroGradientSteps(),
                        s.weights()))
                .toList();
    }

    /** The tensors under {@code prefix/}, by their names without it, in file order. */
    private static Map<String, HostTensor.Floats> floats(SafetensorsReader reader, String prefix) throws IOException {
        Map<String, HostTensor.Floats> out = new LinkedHashMap<>();
        for (String name : reader.tensors().keySet()) {
            if (name.startsWith(prefix + "/")) {
                out.put(name.substring(prefix.length() + 1), reader.floats(name));
            }
        }
        if (out.isEmpty()) {
            throw new IOException("The checkpoint has no tensors under " + prefix + "/");
        }
        return out;
    }

    private static String fingerprint(ImpSpec spec) {
        return Sha256.hex(JsonDocuments.compact(spec));
    }
}
