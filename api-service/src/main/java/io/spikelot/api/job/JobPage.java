package io.spikelot.api.job;

import java.util.List;

/**
 * One page of a job listing, newest first.
 *
 * @param items the jobs of this page
 * @param page the page index, from 0
 * @param size the page size asked for
 * @param totalItems jobs matching the filters in all
 * @param totalPages pages in all at this size
 */
public record JobPage(List<JobView> items, int page, int size, long totalItems, int totalPages) {}
