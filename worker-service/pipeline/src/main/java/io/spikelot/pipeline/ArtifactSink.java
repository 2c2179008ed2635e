package io.spikelot.pipeline;

import java.io.IOException;
import java.nio.file.Path;

/** Receives a job's downloadable files; names follow {@link io.spikelot.model.artifact.ArtifactNames}. */
public interface ArtifactSink {

    /** Publishes the file at {@code file} under {@code name}; the sink may move or copy it. */
    void put(String name, String contentType, Path file) throws IOException;

    /** Publishes {@code bytes} under {@code name}. */
    void put(String name, String contentType, byte[] bytes) throws IOException;
}
