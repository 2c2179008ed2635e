package io.spikelot.pipeline.qsnn;

import io.spikelot.model.arch.Architecture;
import io.spikelot.model.spec.QsnnSpec;
import java.util.Comparator;
import java.util.List;

/**
 * Everything a finished job reports from.
 *
 * @param spec the normalized spec
 * @param architecture the resolved architecture (input {@code [C, H, W]}, classes)
 * @param events whether the network was fed event frames rather than static images
 * @param runs one trained network per allocation, in the spec's order
 * @param wallSeconds the job's wall time so far
 */
record QsnnJob(QsnnSpec spec, Architecture architecture, boolean events, List<AllocationRun> runs, double wallSeconds) {

    /** The most accurate allocation; ties go to the lower S-ACE, then to the earlier one. */
    AllocationRun best() {
        return runs.stream()
                .sorted(Comparator.comparingDouble(AllocationRun::accuracy)
                        .reversed()
                        .thenComparingLong(AllocationRun::sAce))
                .findFirst()
                .orElseThrow();
    }

    /** The allocations no other beats on both accuracy and S-ACE, by ascending S-ACE. */
    List<AllocationRun> frontier() {
        return runs.stream()
                .filter(run -> runs.stream().noneMatch(other -> dominates(other, run)))
                .sorted(Comparator.comparingLong(AllocationRun::sAce).thenComparing(AllocationRun::label))
                .toList();
    }

    /** At least as accurate and at most as costly, and strictly better in one of the two. */
    static boolean dominates(AllocationRun a, AllocationRun b) {
        return a.accuracy() >= b.accuracy()
                && a.sAce() <= b.sAce()
                && (a.accuracy() > b.accuracy() || a.sAce() < b.sAce());
    }
}
