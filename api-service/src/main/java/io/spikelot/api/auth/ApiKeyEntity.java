package io.spikelot.api.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One API key, stored as its SHA-256 only. */
@Entity
@Table(name = "api_keys")
class ApiKeyEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String tenant;

    @Column(name = "key_hash", nullable = false, unique = true, columnDefinition = "bpchar")
    private String keyHash;

    @Column(nullable = false)
    private String label;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKeyEntity() {}

    ApiKeyEntity(String tenant, String keyHash, String label, Instant createdAt) {
        this.tenant = tenant;
        this.keyHash = keyHash;
        this.label = label;
        this.createdAt = createdAt;
    }

    String tenant() {
        return tenant;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    String keyHash() {
        return keyHash;
    }

    String label() {
        return label;
    }

    void revoke(Instant at) {
        revokedAt = at;
    }

    void restore() {
        revokedAt = null;
    }
}
