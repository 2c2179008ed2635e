package io.spikelot.api.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DeliveryRepository extends JpaRepository<WebhookDelivery, UUID> {

    /** Due deliveries, locked; another replica's relay skips them rather than sending them twice. */
    @Query(
            value =
                    """
            select * from webhook_deliveries
            where state = 'PENDING' and next_attempt_at <= :now
            order by next_attempt_at
            limit :limit
            for update skip locked""",
            nativeQuery = true)
    List<WebhookDelivery> lockDue(@Param("now") Instant now, @Param("limit") int limit);

    @Query(
            value =
                    """
            select * from webhook_deliveries
            where subscription_id = :subscription
            order by created_at desc, id
            limit :limit""",
            nativeQuery = true)
    List<WebhookDelivery> newestOf(@Param("subscription") UUID subscription, @Param("limit") int limit);

    @Modifying
    @Query(
            value =
                    """
            update webhook_deliveries set state = 'DISCARDED', next_attempt_at = null, finished_at = :now
            where subscription_id = :subscription and state = 'PENDING'""",
            nativeQuery = true)
    int discardPending(@Param("subscription") UUID subscription, @Param("now") Instant now);

    /** Deletes up to {@code limit} finished deliveries (their attempts cascade) that finished before the cutoff. */
    @Modifying
    @Query(
            value =
                    """
            delete from webhook_deliveries where id in (
                select id from webhook_deliveries
                where state <> 'PENDING' and finished_at < :cutoff
                order by finished_at
                limit :limit
                for update skip locked)""",
            nativeQuery = true)
    int deleteFinishedBefore(@Param("cutoff") Instant cutoff, @Param("limit") int limit);
}
