/**
 * The dashboard: serves the static single-page UI under {@code /ui/} (sign-in, jobs, job, compare, new job), which
 * talks to the public API with the user's bearer key from the browser, and sets the security headers of those
 * pages (a Content Security Policy without {@code unsafe-inline}). Depends on no other package of the API.
 */
package io.spikelot.api.ui;
