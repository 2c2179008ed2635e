/**
 * RFC 9457 problem+json for every refusal of the API, the servlet container's own included: stable type URIs,
 * field-level errors, one handler for the application and one report for the container. Depends on Spring Web,
 * the servlet container (Tomcat) and Spring's data-access exceptions (to tell an unreachable database, a 503, from
 * a fault, a 500); on no other Spikelot package.
 */
package io.spikelot.api.problem;
