package io.spikelot.model.job;

import java.util.Locale;

/** Which pool of workers a job is dispatched to; each has its own durable queue. */
public enum ResourceClass {
    GPU,
    CPU;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
