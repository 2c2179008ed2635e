package io.spikelot.model.job;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of job a user can submit; {@link #wireName()} is the {@code type} field of a job spec. */
public enum JobType {
    /** Lottery-ticket search in random-weight networks (LT, SLT, MPLT, MPSLT, PEPSp, MultiSp). */
    SLT,
    /** Iterative magnitude pruning with rewinding, Early-Bird and Early-Time tickets. */
    IMP,
    /** Quantized SNN training under a bit budget (W x S x T). */
    QSNN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code wireName} ({@code "slt"}, ...), if any. */
    public static Optional<JobType> fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(t -> t.wireName().equals(wireName))
                .findFirst();
    }
}
