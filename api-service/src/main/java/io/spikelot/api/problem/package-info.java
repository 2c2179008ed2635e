/**
 * RFC 9457 problem+json for every refusal of the API, the servlet container's own included: stable type URIs,
 * field-level errors, one handler for the application and one report for the container. Depends on Spring Web,
 * the servlet container (Tomcat), and of Spikelot's packages only on the root's {@code DatabaseOutage} (to tell an
 * unreachable database, a 503, from a fault, a 500).
 */
package io.spikelot.api.problem;
