package io.spikelot.model.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.spikelot.model.spec.NeuronKind;
import io.spikelot.model.spec.SearchMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketNameTest {

    @ParameterizedTest
    @CsvSource({
        "EDGE_POPUP, RELU, false, false, LT",
        "EDGE_POPUP, LIF, false, false, SLT",
        "BIPROP, SIGN, false, false, MPLT",
        "BIPROP, LIF, false, false, MPSLT",
        "BIPROP, RELU, false, false, MPT-1/32",
        "EDGE_POPUP, SIGN, false, false, LT-sign",
        "BIPROP, LIF, true, false, PEPSp-MPSLT",
        "EDGE_POPUP, LIF, true, true, MultiSp-SLT",
        "BIPROP, SIGN, true, true, MultiSp-MPLT"
    })
    void namesEachTicketAsThePapersDo(
            SearchMethod method, NeuronKind neuron, boolean patchEmbedding, boolean patchPruning, String name) {
        assertThat(TicketName.of(method, neuron, patchEmbedding, patchPruning)).isEqualTo(name);
    }
}
