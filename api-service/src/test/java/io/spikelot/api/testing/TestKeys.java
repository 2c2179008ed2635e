package io.spikelot.api.testing;

/** The credentials of integration tests. */
public final class TestKeys {

    public static final String TENANT_A = "tenant-a";
    public static final String KEY_A = "key-of-tenant-a-0001";
    public static final String TENANT_B = "tenant-b";
    public static final String KEY_B = "key-of-tenant-b-0002";
    public static final String WORKER_TOKEN = "worker-token-0003-of-at-least-32-characters";

    private TestKeys() {}
}
