/**
 * Job-spec validation at submit time: field rules with defaults, and the semantic checks across fields. A spec
 * that passes here is what the worker receives. Depends on {@code problem} and {@code shared-model}.
 */
package io.spikelot.api.spec;
