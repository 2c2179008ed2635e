/**
 * RFC 9457 problem+json for every refusal of the API: stable type URIs, field-level errors, one handler.
 * Depends on Spring Web only.
 */
package io.spikelot.api.problem;
