package io.spikelot.model.messaging;

import io.spikelot.model.job.ResourceClass;

/**
 * The one place that names the broker topology; both services declare it from here.
 *
 * <pre>
 * spikelot.jobs    (direct)  --cpu--> spikelot.jobs.cpu   (durable; dead letters -> spikelot.dead -> spikelot.jobs.dead)
 *                            --gpu--> spikelot.jobs.gpu
 * spikelot.events  (topic)   --#----> spikelot.events.api (durable; consumed by the API)
 * spikelot.control (fanout)  -------> one exclusive auto-delete queue per worker (cancellation)
 * </pre>
 */
public final class Topology {

    public static final String JOBS_EXCHANGE = "spikelot.jobs";
    public static final String EVENTS_EXCHANGE = "spikelot.events";
    public static final String EVENTS_QUEUE = "spikelot.events.api";
    public static final String CONTROL_EXCHANGE = "spikelot.control";
    public static final String DEAD_LETTER_EXCHANGE = "spikelot.dead";
    public static final String DEAD_LETTER_QUEUE = "spikelot.jobs.dead";

    private Topology() {}

    /** The durable queue that holds dispatches for one resource class, e.g. {@code spikelot.jobs.gpu}. */
    public static String jobsQueue(ResourceClass resourceClass) {
        return JOBS_EXCHANGE + "." + resourceClass.wireName();
    }

    /** The routing key of dispatches for one resource class on {@link #JOBS_EXCHANGE}. */
    public static String jobsRoutingKey(ResourceClass resourceClass) {
        return resourceClass.wireName();
    }

    /** The routing key of one job event on {@link #EVENTS_EXCHANGE}, e.g. {@code job.progress}. */
    public static String eventRoutingKey(EventKind kind) {
        return "job." + kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
