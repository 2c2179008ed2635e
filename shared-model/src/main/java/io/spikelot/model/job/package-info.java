/**
 * The job lifecycle shared by both services: types, statuses and the one table of allowed transitions.
 * Plain Java; depends on nothing else of the project.
 */
package io.spikelot.model.job;
