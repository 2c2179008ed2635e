package io.spikelot.cli;

import io.spikelot.model.artifact.ArtifactNames;
import io.spikelot.model.artifact.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Downloads a job's artifacts into a directory. Each file is written under a temporary name and hashed as it
 * arrives; only a file whose SHA-256 matches the artifacts listing is moved to its own name.
 */
final class ArtifactDownloader {

    private final ApiClient client;
    private final PrintWriter err;

    ArtifactDownloader(ApiClient client, PrintWriter err) {
        this.client = client;
        this.err = err;
    }

    /** Downloads every artifact of the job; returns the files written. */
    List<Path> downloadAll(UUID id, Path directory) {
        JsonNode listing = client.get("/api/v1/jobs/" + id + "/artifacts").body();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot create " + directory + ": " + e.getMessage(), e);
        }
        List<Path> written = new ArrayList<>();
        for (JsonNode artifact : listing) {
            written.add(download(id, artifact, directory));
        }
        return written;
    }

    private Path download(UUID id, JsonNode artifact, Path directory) {
        String name = artifact.path("name").asString();
        String expected = artifact.path("sha256").asString();
        if (!ArtifactNames.isValid(name)) {
            // the name becomes a path here: never let it leave the directory
            throw new CliException(ExitCode.API_ERROR, "The API listed an artifact with an unsafe name: " + name);
        }
        Path target = directory.resolve(name);
        Path partial = directory.resolve(name + ".part");
        String actual;
        try (InputStream body = client.download("/api/v1/jobs/" + id + "/artifacts/" + name);
                DigestInputStream in = new DigestInputStream(body, Sha256.newDigest());
                OutputStream out = Files.newOutputStream(partial)) {
            in.transferTo(out);
            actual = HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new CliException(ExitCode.UNREACHABLE, "Download of " + name + " broke off: " + e, e);
        }
        if (!MessageDigest.isEqual(actual.getBytes(), expected.getBytes())) {
            deleteQuietly(partial);
            throw new CliException(
                    ExitCode.CORRUPT_DOWNLOAD,
                    "SHA-256 of " + name + " is " + actual + " but the listing says " + expected);
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(ExitCode.BAD_INPUT, "Cannot write " + target + ": " + e.getMessage(), e);
        }
        err.println("downloaded " + target + " (" + artifact.path("size").asLong() + " bytes, sha256 ok)");
        err.flush();
        return target;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the failure being reported matters more than a leftover .part file
        }
    }
}
