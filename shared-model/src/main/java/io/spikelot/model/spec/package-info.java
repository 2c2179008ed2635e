/**
 * Job specs as the worker receives them: records that mirror the API's normalized JSON field by field (every
 * default filled in), bound by Jackson through their constructor parameter names.
 */
package io.spikelot.model.spec;
