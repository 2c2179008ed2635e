package io.spikelot.api.webhook;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubscriptionRepository extends JpaRepository<WebhookSubscription, UUID> {

    List<WebhookSubscription> findByTenantOrderByCreatedAt(String tenant);

    Optional<WebhookSubscription> findByIdAndTenant(UUID id, String tenant);

    long countByTenant(String tenant);
}
