/**
 * The {@code spikelot} command line: a client of the HTTP API for pipeline steps (submit, wait, download, status,
 * list, cancel, artifacts, estimate), with exit codes a pipeline can branch on ({@link ExitCode}).
 *
 * <p>Depends on picocli, Jackson, the JDK's {@code java.net.http} and the wire types of {@code shared-model} only;
 * never on the API's Spring application (an ArchUnit rule holds this).
 */
package io.spikelot.cli;
