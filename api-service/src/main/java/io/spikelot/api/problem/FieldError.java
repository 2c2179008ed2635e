package io.spikelot.api.problem;

/**
 * One offending field of a request.
 *
 * @param field the path of the field in the request: {@code search.pruneRatio},
 *     {@code quantization.allocations[0].weightBits}, or a query parameter or path variable name
 * @param message what is wrong with it and what is accepted
 */
public record FieldError(String field, String message) {}
