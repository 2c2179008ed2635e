package io.spikelot.model.arch;

import java.util.List;

/** A name that is not in the {@link ArchitectureCatalog}; carries the known names. */
public final class UnknownArchitectureException extends IllegalArgumentException {

    private final String name;
    private final List<String> known;

    public UnknownArchitectureException(String name, List<String> known) {
        super("Unknown architecture '" + name + "'; known: " + String.join(", ", known));
        this.name = name;
        this.known = List.copyOf(known);
    }

    public String name() {
        return name;
    }

    public List<String> known() {
        return known;
    }
}
