package io.spikelot.api;

/**
 * The one background thread of a relay (outbox, webhooks): a daemon that runs its loop until interrupted. Stopping
 * interrupts it and waits up to 5 s for the loop to finish what it is doing.
 */
public final class LoopThread {

    private final String name;
    private final Runnable loop;
    private volatile Thread thread;

    /** @param loop runs until the thread is interrupted */
    public LoopThread(String name, Runnable loop) {
        this.name = name;
        this.loop = loop;
    }

    public void start() {
        Thread t = new Thread(loop, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Interrupts the loop and waits for it to end, at most 5 s. */
    public void stop() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }

    public boolean running() {
        return thread != null;
    }
}
