package io.spikelot.pipeline.imp;

import io.spikelot.model.result.ImpResult;
import io.spikelot.model.spec.PruningSettings;
import io.spikelot.pipeline.PipelineException;
import io.spikelot.pipeline.prune.MagnitudePruning;
import io.spikelot.pipeline.prune.NetworkState;
import io.spikelot.pipeline.tensor.HostTensor;
import io.spikelot.pipeline.train.TrainingConfig;
import io.spikelot.pipeline.train.TrainingListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The two searches of ALGORITHMS.md §5 over {@link Rounds}.
 *
 * <p>IMP: round 0 trains densely and snapshots the state after {@code rewindEpoch} epochs. With Early-Time the probe
 * runs after its second epoch and, as in the reference, the rest of round 0 trains at T′: the same run goes on in
 * a network built at T′ (same schedule and shuffled order; the optimizer's momentum starts afresh), and the state
 * it ends with is evaluated at the full T, the dense baseline the winning round is measured against. Each later
 * round prunes {@code ratePerRound} of the surviving weights by magnitude, rewinds to mask ⊙ snapshot, and trains
 * the remaining {@code epochs − rewindEpoch} epochs with a fresh optimizer and schedule, at T′ except the last round,
 * which runs at the full T. After every complete round but the last it saves an {@link ImpCheckpoint}; an attempt
 * that finds one goes on at the next round with the same masks, snapshot, T′ and seeds, so it ends as an
 * uninterrupted run would.
 *
 * <p>Early-Bird: a dense search at twice the learning rate, checked at every epoch start ({@link EarlyBirdWatch});
 * with Early-Time its first two epochs run at the full T, the probe picks T′, and the search goes on at T′ the same
 * way. The ticket's mask is then applied to the epoch-0 initialisation and retrained for the full schedule at the
 * base rate and the full T.
 */
final class ImpSearch {

    /** The reference probes after epoch index 1, i.e. two epochs. */
    static final int EARLY_TIME_EPOCHS = 2;

    private final Rounds rounds;
    private final PruningSettings pruning;
    private final TrainingConfig config;
    private EarlyTimeProbe probe;
    private ImpResult.EarlyBird earlyBird;
    private ImpResult.EarlyTime earlyTimeTaken;
    private Integer resumedFromRound;

    ImpSearch(Rounds rounds) {
        this.rounds = rounds;
        this.pruning = rounds.spec().pruning();
        this.config = rounds.config();
    }

    /**
     * Every IMP round: from 0, or from the round after the checkpoint an earlier attempt left. A checkpoint is saved
     * after every complete round but the last.
     */
    List<RoundRun> imp() throws IOException {
        int count = pruning.rounds();
        ImpCheckpoint resumed = ImpCheckpoints.load(rounds.context(), rounds.spec())
                .filter(c -> c.nextRound() < count)
                .orElse(null);
        List<RoundRun> done = new ArrayList<>();
        Map<String, HostTensor.Floats> rewind;
        if (resumed == null) {
            RewindPoint point = new RewindPoint(pruning.rewindEpoch());
            probe = pruning.earlyTime() ? newProbe() : null;
            List<Segment> segments = denseSearch(label(0, RoundRun.DENSE), config, count > 1, point);
            Segment dense = segments.get(segments.size() - 1);
            done.add(
                    new RoundRun(0, RoundRun.DENSE, count > 1, RoundRun.dense(dense.end(), dense.weights()), segments));
            rewind = point.state();
            earlyTimeTaken = earlyTime();
            checkpoint(done, rewind, count);
        } else {
            done.addAll(resumed.rounds());
            rewind = resumed.rewind();
            earlyTimeTaken = resumed.earlyTime();
            resumedFromRound = resumed.nextRound();
        }
        int searchT = earlyTimeTaken == null ? rounds.timesteps() : earlyTimeTaken.chosenTimesteps();
        for (int r = done.size(); r < count; r++) {
            RoundRun previous = done.get(r - 1);
            Map<String, HostTensor.Booleans> masks = MagnitudePruning.prune(
                    NetworkState.weights(previous.state(), previous.masks().keySet()),
                    previous.masks(),
                    pruning.ratePerRound(),
                    pruning.scope());
            boolean last = r == count - 1;
            Segment segment = rounds.train(
                    r,
                    label(r, RoundRun.PRUNE),
                    last ? rounds.timesteps() : searchT,
                    config.withEpochs(config.epochs() - pruning.rewindEpoch()),
                    NetworkState.masked(rewind, masks),
                    masks,
                    TrainingListener.NONE);
            done.add(checked(new RoundRun(r, RoundRun.PRUNE, !last, masks, List.of(segment))));
            checkpoint(done, rewind, count);
        }
        return done;
    }

    /** Saves the rounds so far, unless the job's rounds are all done (its artifacts follow at once). */
    private void checkpoint(List<RoundRun> done, Map<String, HostTensor.Floats> rewind, int count) throws IOException {
        if (done.size() < count) {
            List<Long> seeds = done.stream().map(r -> config.seed()).toList();
            ImpCheckpoints.save(
                    rounds.context(), rounds.spec(), new ImpCheckpoint(done, rewind, earlyTimeTaken, seeds));
        }
    }

    /** The first round this attempt trained after resuming a checkpoint; null when it started at round 0. */
    Integer resumedFromRound() {
        return resumedFromRound;
    }

    /** The Early-Bird search (round 0) and the retrained ticket (round 1). */
    List<RoundRun> earlyBird() {
        double sparsity = pruning.sparsityAfter(pruning.targetSparsityRoundOrDefault());
        EarlyBirdWatch watch = new EarlyBirdWatch(
                sparsity, pruning.scope(), pruning.earlyBirdDistanceOrDefault(), pruning.earlyBirdQueueOrDefault());
        TrainingConfig search = config.withLearningRate(2 * config.learningRate());
        probe = pruning.earlyTime() ? newProbe() : null;
        List<Segment> segments = denseSearch(label(0, RoundRun.EARLY_BIRD_SEARCH), search, true, watch);
        int full = rounds.timesteps();
        Map<String, HostTensor.Floats> init = segments.get(0).start();
        Segment last = segments.get(segments.size() - 1);
        RoundRun searched =
                new RoundRun(0, RoundRun.EARLY_BIRD_SEARCH, true, RoundRun.dense(last.end(), last.weights()), segments);
        Map<String, HostTensor.Booleans> ticket = watch.ticket();
        Segment retrained = rounds.train(
                1,
                label(1, RoundRun.RETRAIN),
                full,
                config,
                NetworkState.masked(init, ticket),
                ticket,
                TrainingListener.NONE);
        earlyBird = new ImpResult.EarlyBird(
                sparsity,
                pruning.earlyBirdDistanceOrDefault(),
                pruning.earlyBirdQueueOrDefault(),
                watch.stopEpoch(),
                watch.distances());
        return List.of(searched, checked(new RoundRun(1, RoundRun.RETRAIN, false, ticket, List.of(retrained))));
    }

    /**
     * The dense training that the search starts with (IMP's round 0, the Early-Bird search). With Early-Time, and
     * when it is part of the search and longer than the probe's epochs, the run trains its first epochs at the full T,
     * the probe picks T′, and the rest of the run trains at T′ from that state with the same schedule and order;
     * unless T′ is the full T or {@code listener} stopped the run, a last segment evaluates the end state at the full
     * T.
     *
     * @param listener the rewind point or the Early-Bird check; gets every epoch of both stretches
     */
    private List<Segment> denseSearch(String label, TrainingConfig run, boolean search, TrainingListener listener) {
        int full = rounds.timesteps();
        if (probe == null || !search || run.epochs() <= EARLY_TIME_EPOCHS) {
            return List.of(
                    rounds.train(0, label, full, run, null, null, probe == null ? listener : listener.andThen(probe)));
        }
        Segment first =
                rounds.train(0, label, full, run.stretch(0, EARLY_TIME_EPOCHS), null, null, listener.andThen(probe));
        if (listener.done()) {
            return List.of(first);
        }
        int chosen = probe.choice().chosen();
        Segment rest = rounds.train(
                0, label, chosen, run.stretch(EARLY_TIME_EPOCHS, run.epochs()), first.end(), null, listener);
        return chosen == full ? List.of(first, rest) : List.of(first, rest, rounds.evaluateAt(full, rest));
    }

    /** Refuses a round whose pruned weights moved off zero: masked training must hold them at exactly 0. */
    static RoundRun checked(RoundRun round) {
        String moved = NetworkState.firstNonZeroPruned(round.state(), round.masks());
        if (moved != null) {
            throw new PipelineException(
                    "PRUNED_WEIGHT_MOVED",
                    "Round " + round.round() + " ended with a pruned weight off zero: " + moved,
                    false);
        }
        return round;
    }

    private EarlyTimeProbe newProbe() {
        return new EarlyTimeProbe(
                rounds,
                Math.min(EARLY_TIME_EPOCHS, config.epochs()),
                pruning.candidates(rounds.timesteps()),
                pruning.earlyTimeThreshold());
    }

    private String label(int round, String phase) {
        return "round " + round + "/" + (rounds.rounds() - 1) + " " + phase;
    }

    /** The Early-Time details, or null without Early-Time. */
    ImpResult.EarlyTime earlyTime() {
        if (earlyTimeTaken != null) {
            return earlyTimeTaken;
        }
        if (probe == null || probe.choice() == null) {
            return null;
        }
        EarlyTime.Choice c = probe.choice();
        return new ImpResult.EarlyTime(
                probe.afterEpoch(),
                Math.min(EarlyTimeProbe.PROBE_IMAGES, rounds.data().train().size()),
                c.candidates(),
                c.kl(),
                c.normalized(),
                pruning.earlyTimeThreshold(),
                c.chosen());
    }

    /** The Early-Bird details, or null for IMP. */
    ImpResult.EarlyBird earlyBirdSummary() {
        return earlyBird;
    }
}
