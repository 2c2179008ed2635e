package io.spikelot.api.webhook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SubscriptionRepository extends JpaRepository<WebhookSubscription, UUID> {

    /**
     * A query of its own rather than one derived from the method's name: every job change asks it, and a derived
     * query is rebuilt on every call through a cache behind one lock, contended by the submitting threads.
     */
    @Query("select s from WebhookSubscription s where s.tenant = :tenant order by s.createdAt")
    List<WebhookSubscription> findByTenantOrderByCreatedAt(String tenant);

    Optional<WebhookSubscription> findByIdAndTenant(UUID id, String tenant);

    long countByTenant(String tenant);
}
