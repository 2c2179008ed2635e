package io.spikelot.api.auth;

import io.spikelot.api.ApiProperties;
import io.spikelot.model.artifact.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Resolves bearer keys to tenants; keeps the bootstrap keys of the configuration in the database, hashed. */
@Service
public class ApiKeys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Duration CACHE_TTL = Duration.ofSeconds(60);

    private record Cached(String tenant, Instant until) {}

    private final ApiKeyRepository repository;
    private final ApiProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    ApiKeys(ApiKeyRepository repository, ApiProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (String entry : properties.apiKeys().split(",")) {
            if (!entry.isBlank()) {
                register(entry.trim());
            }
        }
    }

    private void register(String entry) {
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
            throw new IllegalArgumentException("spikelot.api-keys entries must be tenant:key, got an entry of "
                    + entry.length() + " characters without that shape");
        }
        String tenant = entry.substring(0, colon);
        String key = entry.substring(colon + 1);
        if (!TENANT.matcher(tenant).matches() || key.length() < 8) {
            throw new IllegalArgumentException("spikelot.api-keys: tenant '" + tenant + "' must match " + TENANT
                    + " and its key must have at least 8 characters");
        }
        addKey(tenant, key, "bootstrap");
    }

    /** Stores {@code key} for {@code tenant} unless it is already known. */
    @Transactional
    public void addKey(String tenant, String key, String label) {
        String hash = Sha256.hex(key);
        if (repository.findByKeyHash(hash).isEmpty()) {
            repository.save(new ApiKeyEntity(tenant, hash, label, clock.instant()));
            log.info("API key '{}' registered for tenant {}", label, tenant);
        }
    }

    /** The tenant of an active key. */
    public Optional<String> tenantOf(String key) {
        String hash = Sha256.hex(key);
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.tenant());
        }
        Optional<String> tenant =
                repository.findByKeyHash(hash).filter(k -> !k.isRevoked()).map(ApiKeyEntity::tenant);
        tenant.ifPresent(t -> cache.put(hash, new Cached(t, now.plus(CACHE_TTL))));
        return tenant;
    }
}
