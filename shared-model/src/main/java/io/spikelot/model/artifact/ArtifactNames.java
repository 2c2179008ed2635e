package io.spikelot.model.artifact;

import java.util.regex.Pattern;

/** What an artifact may be called: a plain file name, so it can never escape a job's folder or URL segment. */
public final class ArtifactNames {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private ArtifactNames() {}

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches() && !name.contains("..");
    }
}
