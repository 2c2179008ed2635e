package io.spikelot.api.auth;

/** Who sent a request, as established by {@link ApiKeyFilter}. */
public sealed interface Caller {

    /** A user of one tenant; sees and acts on that tenant's jobs only. */
    record Tenant(String id) implements Caller {}

    /** A worker; may only report on jobs (events are on the broker, artifacts over HTTP). */
    record Worker() implements Caller {}

    String REQUEST_ATTRIBUTE = Caller.class.getName();
}
