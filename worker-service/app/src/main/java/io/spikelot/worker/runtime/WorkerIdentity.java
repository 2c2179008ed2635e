package io.spikelot.worker.runtime;

import io.spikelot.worker.WorkerProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.stereotype.Component;

/** This worker's name in events and logs: configured, or host name and process id. */
@Component
public class WorkerIdentity {

    private final String id;

    WorkerIdentity(WorkerProperties properties) {
        this.id = properties.worker().id().isBlank()
                ? hostName() + "-" + ProcessHandle.current().pid()
                : properties.worker().id();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker";
        }
    }

    public String id() {
        return id;
    }
}
