package io.spikelot.model.spec;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The {@code pruning} object of an {@code imp} spec (Kim et al., ALGORITHMS.md §5).
 *
 * @param method IMP with late rewinding, or Early-Bird
 * @param rounds IMP: rounds in all, round 0 dense; Early-Bird: the length of the sparsity ladder that
 *     {@code targetSparsityRound} picks from
 * @param ratePerRound the share of the surviving weights each round removes; sparsity after r rounds is
 *     1 − (1 − rate)^r
 * @param scope one magnitude ranking over every prunable weight ({@code global}) or one per layer
 * @param rewindEpoch IMP: the epochs of round 0 after which the whole state is snapshotted (0 = the
 *     initialisation); later rounds rewind to it and train the remaining epochs
 * @param earlyTime whether the search runs at the Early-Time T′ chosen after two epochs of dense training
 * @param earlyTimeThreshold the normalised KL under which a candidate T′ qualifies
 * @param earlyTimeCandidates the T′ tried, each below T; null = 2 … T − 1
 * @param earlyBirdDistance Early-Bird only: the search stops when the newest mask differs from every queued one
 *     by less than this fraction; null for IMP
 * @param earlyBirdQueue Early-Bird only: masks in the FIFO; null for IMP
 * @param targetSparsityRound Early-Bird only: the ticket's sparsity is that of this many IMP rounds; null for IMP
 */
public record PruningSettings(
        ImpMethod method,
        int rounds,
        double ratePerRound,
        PruneScope scope,
        int rewindEpoch,
        boolean earlyTime,
        double earlyTimeThreshold,
        List<Integer> earlyTimeCandidates,
        Double earlyBirdDistance,
        Integer earlyBirdQueue,
        Integer targetSparsityRound) {

    /** Early-Bird's defaults: the reference's distance, queue length and sparsity round. */
    public static final double EARLY_BIRD_DISTANCE = 0.02;

    public static final int EARLY_BIRD_QUEUE = 5;
    public static final int TARGET_SPARSITY_ROUND = 4;

    public PruningSettings {
        Objects.requireNonNull(method, "pruning.method is required");
        Objects.requireNonNull(scope, "pruning.scope is required");
        earlyTimeCandidates = earlyTimeCandidates == null ? null : List.copyOf(earlyTimeCandidates);
    }

    /**
     * The API's defaults: IMP, 5 rounds of 25% by global magnitude, rewinding to epoch 1, no Early-Time (threshold
     * 0.6, candidates 2 … T − 1 when enabled), no Early-Bird settings.
     */
    public static PruningSettings defaults() {
        return new PruningSettings(ImpMethod.IMP, 5, 0.25, PruneScope.GLOBAL, 1, false, 0.6, null, null, null, null);
    }

    /** Early-Bird with its default distance, queue and target round, everything else as {@link #defaults()}. */
    public static PruningSettings earlyBirdDefaults() {
        return defaults()
                .withMethod(ImpMethod.EARLY_BIRD)
                .withEarlyBird(EARLY_BIRD_DISTANCE, EARLY_BIRD_QUEUE, TARGET_SPARSITY_ROUND);
    }

    /** The fraction of prunable weights removed after {@code round} rounds: 1 − (1 − rate)^round. */
    public double sparsityAfter(int round) {
        return 1 - Math.pow(1 - ratePerRound, round);
    }

    /** The T′ candidates for a network of {@code timesteps}: the explicit list, else 2 … T − 1. */
    public List<Integer> candidates(int timesteps) {
        return earlyTimeCandidates != null
                ? earlyTimeCandidates
                : IntStream.range(2, timesteps).boxed().toList();
    }

    /** Early-Bird's distance, or its default when the spec has none. */
    public double earlyBirdDistanceOrDefault() {
        return earlyBirdDistance == null ? EARLY_BIRD_DISTANCE : earlyBirdDistance;
    }

    /** Early-Bird's queue length, or its default. */
    public int earlyBirdQueueOrDefault() {
        return earlyBirdQueue == null ? EARLY_BIRD_QUEUE : earlyBirdQueue;
    }

    /** Early-Bird's target round, or its default. */
    public int targetSparsityRoundOrDefault() {
        return targetSparsityRound == null ? TARGET_SPARSITY_ROUND : targetSparsityRound;
    }

    public PruningSettings withMethod(ImpMethod method) {
        return new PruningSettings(
                method,
                rounds,
                ratePerRound,
                scope,
                rewindEpoch,
                earlyTime,
                earlyTimeThreshold,
                earlyTimeCandidates,
                earlyBirdDistance,
                earlyBirdQueue,
                targetSparsityRound);
    }

    public PruningSettings withRounds(int rounds) {
        return new PruningSettings(
                method,
                rounds,
                ratePerRound,
                scope,
                rewindEpoch,
                earlyTime,
                earlyTimeThreshold,
                earlyTimeCandidates,
                earlyBirdDistance,
                earlyBirdQueue,
                targetSparsityRound);
    }

    public PruningSettings withScope(PruneScope scope) {
        return new PruningSettings(
                method,
                rounds,
                ratePerRound,
                scope,
                rewindEpoch,
                earlyTime,
                earlyTimeThreshold,
                earlyTimeCandidates,
                earlyBirdDistance,
                earlyBirdQueue,
                targetSparsityRound);
    }

    public PruningSettings withRewindEpoch(int rewindEpoch) {
        return new PruningSettings(
                method,
                rounds,
                ratePerRound,
                scope,
                rewindEpoch,
                earlyTime,
                earlyTimeThreshold,
                earlyTimeCandidates,
                earlyBirdDistance,
                earlyBirdQueue,
                targetSparsityRound);
    }

    /** Early-Time on or off, with the candidates (null = 2 … T − 1). */
    public PruningSettings withEarlyTime(boolean earlyTime, List<Integer> candidates) {
        return new PruningSettings(
                method,
                rounds,
                ratePerRound,
                scope,
                rewindEpoch,
                earlyTime,
                earlyTimeThreshold,
                candidates,
                earlyBirdDistance,
                earlyBirdQueue,
                targetSparsityRound);
    }

    public PruningSettings withEarlyBird(Double distance, Integer queue, Integer targetRound) {
        return new PruningSettings(
                method,
                rounds,
                ratePerRound,
                scope,
                rewindEpoch,
                earlyTime,
                earlyTimeThreshold,
                earlyTimeCandidates,
                distance,
                queue,
                targetRound);
    }
}
