package io.spikelot.api.webhook;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface AttemptRepository extends JpaRepository<WebhookAttempt, Long> {

    List<WebhookAttempt> findByDeliveryIdInOrderByAttempt(Collection<UUID> deliveryIds);
}
