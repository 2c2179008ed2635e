package io.spikelot.api.artifact;

import io.spikelot.model.artifact.ArtifactDescriptor;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code artifacts} table: descriptors, and the bytes when the database store is used. */
@Component
class ArtifactRows {

    private static final RowMapper<ArtifactDescriptor> DESCRIPTOR = (rs, i) -> new ArtifactDescriptor(
            rs.getString("name"), rs.getLong("size"), rs.getString("sha256"), rs.getString("content_type"));

    private final JdbcClient jdbc;

    ArtifactRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(UUID jobId, int attempt, ArtifactDescriptor d, byte[] content, Instant now) {
        jdbc.sql(
                        """
                insert into artifacts (job_id, name, attempt, size, sha256, content_type, content, created_at)
                values (:job, :name, :attempt, :size, :sha, :type, :content, :now)
                on conflict (job_id, name) do update set attempt = excluded.attempt, size = excluded.size,
                  sha256 = excluded.sha256, content_type = excluded.content_type, content = excluded.content,
                  created_at = excluded.created_at""")
                .param("job", jobId)
                .param("name", d.name())
                .param("attempt", attempt)
                .param("size", d.size())
                .param("sha", d.sha256())
                .param("type", d.contentType())
                .param("content", content)
                .param("now", Timestamp.from(now))
                .update();
    }

    List<ArtifactDescriptor> list(UUID jobId) {
        return jdbc.sql("select name, size, sha256, content_type from artifacts where job_id = :job order by name")
                .param("job", jobId)
                .query(DESCRIPTOR)
                .list();
    }

    Optional<ArtifactDescriptor> describe(UUID jobId, String name) {
        return jdbc.sql("select name, size, sha256, content_type from artifacts where job_id = :job and name = :name")
                .param("job", jobId)
                .param("name", name)
                .query(DESCRIPTOR)
                .optional();
    }

    byte[] content(UUID jobId, String name) {
        return jdbc.sql("select content from artifacts where job_id = :job and name = :name")
                .param("job", jobId)
                .param("name", name)
                .query(byte[].class)
                .single();
    }
}
