package io.spikelot.api.job;

import io.spikelot.model.job.JobStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface JobRepository extends JpaRepository<JobEntity, UUID> {

    Optional<JobEntity> findByIdAndTenant(UUID id, String tenant);

    Optional<JobEntity> findByTenantAndIdempotencyKey(String tenant, String idempotencyKey);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select j from JobEntity j where j.id = :id")
    Optional<JobEntity> lockById(@Param("id") UUID id);

    @Query(
            """
            select j from JobEntity j
            where j.tenant = :tenant
              and (:status is null or j.status = :status)
              and (:type is null or j.type = :type)
            order by j.createdAt desc, j.id desc""")
    Page<JobEntity> search(
            @Param("tenant") String tenant,
            @Param("status") JobStatus status,
            @Param("type") String type,
            Pageable pageable);

    @Query(
            value =
                    """
            select id from jobs
            where status in ('RUNNING', 'CANCELLING') and lease_expires_at < :now
            order by lease_expires_at
            limit 100""",
            nativeQuery = true)
    List<UUID> findExpiredLeases(@Param("now") Instant now);

    /** Serializes quota decisions of one tenant and resource class until the transaction ends. */
    @Query(value = "select count(*) from (select pg_advisory_xact_lock(hashtext(:key))) l", nativeQuery = true)
    long lockQuota(@Param("key") String key);

    /** Queued jobs of the tenant and class, counted up to {@code cap} (a quota decision needs no more). */
    @Query(
            value =
                    """
            select count(*) from (
              select 1 from jobs where tenant = :tenant and resource_class = :class and status = 'QUEUED'
              limit :cap) q""",
            nativeQuery = true)
    long countQueued(@Param("tenant") String tenant, @Param("class") String resourceClass, @Param("cap") long cap);

    /** Jobs handed to workers (dispatched and queued, running, or being cancelled), counted up to {@code cap}. */
    @Query(
            value =
                    """
            select count(*) from (
              select 1 from jobs
              where tenant = :tenant and resource_class = :class
                and (status in ('RUNNING', 'CANCELLING') or (status = 'QUEUED' and dispatched))
              limit :cap) q""",
            nativeQuery = true)
    long countActive(@Param("tenant") String tenant, @Param("class") String resourceClass, @Param("cap") long cap);

    /** The oldest jobs waiting for a running slot, locked; rows another transaction holds are skipped. */
    @Query(
            value =
                    """
            select * from jobs
            where tenant = :tenant and resource_class = :class and status = 'QUEUED' and not dispatched
            order by created_at, id
            limit :limit
            for update skip locked""",
            nativeQuery = true)
    List<JobEntity> lockHeld(
            @Param("tenant") String tenant, @Param("class") String resourceClass, @Param("limit") int limit);

    @Query(
            value = "select distinct tenant, resource_class from jobs where status = 'QUEUED' and not dispatched",
            nativeQuery = true)
    List<Object[]> heldQueues();

    @Query("select j.status, count(j) from JobEntity j group by j.status")
    List<Object[]> countByStatus();
}
