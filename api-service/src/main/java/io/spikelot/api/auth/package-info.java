/**
 * Authentication: bearer API keys bound to tenants (stored hashed) and the worker credential, which may only
 * report. Depends on {@code problem} and {@code shared-model}.
 */
package io.spikelot.api.auth;
