package io.spikelot.api.messaging;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

    /** The oldest unsent messages, locked; another API replica skips them rather than publishing twice. */
    @Query(
            value = "select * from outbox where sent_at is null order by id limit :limit for update skip locked",
            nativeQuery = true)
    List<OutboxMessage> lockUnsent(@Param("limit") int limit);

    @Query(value = "select count(*) from outbox where sent_at is null", nativeQuery = true)
    long countUnsent();

    /**
     * Deletes up to {@code limit} rows sent before {@code cutoff}, oldest first. Rows another transaction holds are
     * skipped, not waited for, so the relay never queues behind the clean-up.
     */
    @Modifying
    @Query(
            value = "delete from outbox where id in (select id from outbox where sent_at < :cutoff order by id"
                    + " limit :limit for update skip locked)",
            nativeQuery = true)
    int deleteSentBefore(@Param("cutoff") Instant cutoff, @Param("limit") int limit);
}
