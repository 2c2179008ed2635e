package io.spikelot.model.artifact;

/**
 * One downloadable file of a job.
 *
 * @param name the file name within the job, e.g. {@code mask.safetensors}
 * @param size in bytes
 * @param sha256 lower-case hex SHA-256 of the bytes; also the HTTP ETag
 * @param contentType the media type served
 */
public record ArtifactDescriptor(String name, long size, String sha256, String contentType) {}
