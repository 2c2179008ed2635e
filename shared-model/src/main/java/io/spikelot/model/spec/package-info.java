/**
 * Job specs as the worker receives them: records that mirror the API's normalized JSON field by field (every
 * default filled in), bound by Jackson through their constructor parameter names. Every option with a fixed set of
 * values is one {@link io.spikelot.model.spec.WireEnum} here, and every settings record has one static
 * {@code defaults()}: the API derives its accepted values and defaults from them, the pipeline switches on them.
 * Options are never null: a record refuses a missing one, so a spec without it fails to bind (an invalid spec)
 * instead of falling back to a default the API did not choose.
 * Plain Java plus Jackson's annotations; no databind, no Spring.
 */
package io.spikelot.model.spec;
