/**
 * The Spikelot worker: a thin Spring shell around the pipelines. Consumes dispatches, reports events, uploads
 * artifacts to the API; holds no database credentials.
 */
package io.spikelot.worker;
