package io.spikelot.api.auth;

import io.spikelot.api.ApiProperties;
import io.spikelot.model.artifact.Sha256;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private static final String BOOTSTRAP = "bootstrap";
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
    public void run(ApplicationArguments args) {
        syncBootstrapKeys(properties.apiKeys());
    }

    /**
     * Makes the bootstrap keys exactly {@code configured} ({@code tenant:key,...}): new ones are stored, ones no
     * longer listed are revoked, and a revoked one listed again is restored. Rotation is therefore: list the old and
     * the new key, move clients to the new one, then list only the new one.
     */
    @Transactional
    public void syncBootstrapKeys(String configured) {
        Set<String> listed = new HashSet<>();
        for (String entry : configured.split(",")) {
            if (!entry.isBlank()) {
                listed.add(register(entry.trim()));
            }
        }
        for (ApiKeyEntity key : repository.findByLabel(BOOTSTRAP)) {
            if (!listed.contains(key.keyHash()) && !key.isRevoked()) {
                key.revoke(clock.instant());
                log.info("Bootstrap API key of tenant {} revoked: no longer configured", key.tenant());
            }
        }
        cache.clear();
    }

    /** Stores one {@code tenant:key} entry (restoring it if it was revoked); returns the key's hash. */
    private String register(String entry) {
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
        String hash = Sha256.hex(key);
        repository
                .findByKeyHash(hash)
                .filter(ApiKeyEntity::isRevoked)
                .filter(k -> k.label().equals(BOOTSTRAP))
                .ifPresent(ApiKeyEntity::restore);
        addKey(tenant, key, BOOTSTRAP);
        return hash;
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
