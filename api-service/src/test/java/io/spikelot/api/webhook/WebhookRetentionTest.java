package io.spikelot.api.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spikelot.api.testing.ApiHttp;
import io.spikelot.api.testing.ApiIntegrationTest;
import io.spikelot.api.testing.TestKeys;
import io.spikelot.api.testing.WebhookReceiver;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The webhook tables stay bounded: finished deliveries older than the retention period go, with their attempts;
 * recent ones stay, and a pending one stays however old it is.
 */
@ApiIntegrationTest
@TestPropertySource(
        properties = {
            // the same context as WebhookDeliveryTest's
            "spring.datasource.hikari.maximum-pool-size=4",
            "spring.datasource.hikari.minimum-idle=1",
            "spikelot.webhooks.allow-private=true",
            "spikelot.webhooks.initial-backoff=200ms",
            "spikelot.webhooks.relay-interval=200ms",
            "spikelot.webhooks.timeout=3s"
        })
class WebhookRetentionTest {

    @LocalServerPort
    int port;

    @Autowired
    WebhookRetention retention;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void finishedDeliveriesPastTheRetentionGoWithTheirAttemptsAndPendingOnesStay() throws Exception {
        List<String> ids = new ArrayList<>();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            ApiHttp http = ApiHttp.onPort(port);
            ApiHttp.Response subscribed = http.postJson(
                    "/api/v1/webhooks",
                    TestKeys.KEY_A,
                    "{\"url\": \"" + receiver.url("/retention") + "\", \"events\": [\"SUCCEEDED\"]}");
            assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
            String subscription = subscribed.json().get("id").asString();
            for (int i = 0; i < 4; i++) {
                ApiHttp.Response ping = http.request("POST", "/api/v1/webhooks/" + subscription + "/test")
                        .bearer(TestKeys.KEY_A)
                        .send();
                ids.add(ping.json().get("deliveryId").asString());
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> count("state = 'DELIVERED'", ids) == 4);
        }
        Timestamp eightDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(8)));
        String oldDelivered = ids.get(0);
        String oldFailed = ids.get(1);
        String recent = ids.get(2);
        String oldPending = ids.get(3);
        jdbc.update("update webhook_deliveries set finished_at = ? where id = ?::uuid", eightDaysAgo, oldDelivered);
        jdbc.update(
                "update webhook_deliveries set state = 'FAILED', finished_at = ? where id = ?::uuid",
                eightDaysAgo,
                oldFailed);
        jdbc.update(
                "update webhook_deliveries set state = 'PENDING', finished_at = null, created_at = ?,"
                        + " next_attempt_at = ? where id = ?::uuid",
                eightDaysAgo,
                Timestamp.from(Instant.now().plus(Duration.ofDays(1))),
                oldPending);
        assertThat(attemptsOf(oldDelivered)).isPositive();

        int deleted = retention.deleteFinishedBefore(Instant.now().minus(Duration.ofDays(7)), 1);

        assertThat(deleted).isEqualTo(2);
        assertThat(count("true", List.of(oldDelivered, oldFailed))).isZero();
        assertThat(attemptsOf(oldDelivered))
                .as("attempts go with their delivery")
                .isZero();
        assertThat(count("state = 'DELIVERED'", List.of(recent))).isEqualTo(1);
        assertThat(count("state = 'PENDING'", List.of(oldPending)))
                .as("a pending delivery is still owed")
                .isEqualTo(1);
        jdbc.update("delete from webhook_deliveries where id = ?::uuid", oldPending);
    }

    private long count(String condition, List<String> ids) {
        return jdbc.queryForObject(
                "select count(*) from webhook_deliveries where " + condition + " and id::text = any(?)",
                Long.class,
                (Object) ids.toArray(String[]::new));
    }

    private long attemptsOf(String delivery) {
        return jdbc.queryForObject(
                "select count(*) from webhook_attempts where delivery_id = ?::uuid", Long.class, delivery);
    }
}
