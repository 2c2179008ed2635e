package io.spikelot.model.arch;

/**
 * A catalog listing row.
 *
 * @param name the name to resolve with
 * @param summary one line on what the architecture is
 */
public record CatalogEntry(String name, String summary) {}
