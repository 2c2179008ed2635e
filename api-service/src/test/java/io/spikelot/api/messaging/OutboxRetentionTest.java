package io.spikelot.api.messaging;

import static io.spikelot.api.testing.Specs.anSltSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.api.testing.TestKeys;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The outbox stays bounded: rows sent longer ago than the retention period are deleted, in batches. */
@ApiIntegrationTest
class OutboxRetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    OutboxRetention retention;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rowsSentBeforeTheRetentionPeriodAreDeletedInBatchesAndTheRestStay() {
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            old.add(submit("sent two days ago " + i));
        }
        UUID recent = submit("sent just now");
        await().atMost(Duration.ofSeconds(10)).until(() -> unsent() == 0);
        for (UUID id : old) {
            jdbc.update(
                    "update outbox set sent_at = ? where job_id = ?",
                    Timestamp.from(Instant.now().minus(Duration.ofDays(2))),
                    id);
        }
        long before = count();
        Integer rowBytes = jdbc.queryForObject("select avg(pg_column_size(o.*))::int from outbox o", Integer.class);
        System.out.println("[outbox] " + before + " rows, " + rowBytes + " bytes per row on average");

        int deleted = retention.deleteSentBefore(Instant.now().minus(Duration.ofDays(1)), 2);

        assertThat(deleted).isEqualTo(5);
        assertThat(count()).as("the table shrank by the old rows").isEqualTo(before - 5);
        assertThat(rowsOf(old.get(0))).isZero();
        assertThat(rowsOf(recent))
                .as("a row sent within the retention period stays")
                .isEqualTo(1);
    }

    private UUID submit(String name) {
        ApiHttp.Response created = ApiHttp.onPort(port).postJson("/api/v1/jobs", TestKeys.KEY_A, anSltSpec(name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from outbox", Long.class);
    }

    private long unsent() {
        return jdbc.queryForObject("select count(*) from outbox where sent_at is null", Long.class);
    }

    private long rowsOf(UUID job) {
        return jdbc.queryForObject("select count(*) from outbox where job_id = ?", Long.class, job);
    }
}
