package io.spikelot.api.messaging;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
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
}
