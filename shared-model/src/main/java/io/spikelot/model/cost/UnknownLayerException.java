package io.spikelot.model.cost;

import java.util.List;
import java.util.Set;

/**
 * Rates or measured inputs name layers the architecture does not have (or that take no rate: the encoding layer,
 * BatchNorm).
 *
 * @see FiringRates#requireKnown
 */
public final class UnknownLayerException extends IllegalArgumentException {

    private final List<String> unknown;
    private final Set<String> known;

    UnknownLayerException(String what, List<String> unknown, Set<String> known) {
        super(what + " name unknown layers " + unknown + "; rates apply to " + known);
        this.unknown = List.copyOf(unknown);
        this.known = Set.copyOf(known);
    }

    /** The names that matched no layer, sorted. */
    public List<String> unknown() {
        return unknown;
    }

    /** The names that would have been accepted. */
    public Set<String> known() {
        return known;
    }
}
