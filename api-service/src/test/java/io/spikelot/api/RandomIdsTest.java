package io.spikelot.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RandomIdsTest {

    @Test
    void idsAreDistinctRandomVersion4Uuids() {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            UUID id = RandomIds.next();
            assertThat(id.version()).isEqualTo(4);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(UUID.fromString(id.toString())).isEqualTo(id);
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void threadsDrawDifferentIds() throws InterruptedException {
        UUID[] other = new UUID[1];
        Thread thread = new Thread(() -> other[0] = RandomIds.next());
        thread.start();
        thread.join();
        assertThat(other[0]).isNotEqualTo(RandomIds.next());
    }
}
