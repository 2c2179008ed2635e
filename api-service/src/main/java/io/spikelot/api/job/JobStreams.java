package io.spikelot.api.job;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-sent event streams of jobs. Changes are found by polling the database every second for the watched jobs
 * (one query for all of them), so a stream sees every change whichever API replica applied it; a stream ends after
 * the job's terminal status.
 */
@Component
class JobStreams {

    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    private static final int MAX_STREAMS = 10_000;
    private static final int KEEP_ALIVE_EVERY_POLLS = 15;

    /** One open stream and the version it last sent. */
    private static final class Subscriber {
        final SseEmitter emitter;
        volatile long sentVersion;

        Subscriber(SseEmitter emitter, long sentVersion) {
            this.emitter = emitter;
            this.sentVersion = sentVersion;
        }
    }

    private final JobRepository jobs;
    private final JsonMapper json;
    private final Map<UUID, List<Subscriber>> watched = new ConcurrentHashMap<>();
    private int polls;

    JobStreams(JobRepository jobs, JsonMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    /** Opens a stream that starts with the job as it is now. */
    SseEmitter open(JobEntity job) throws IOException {
        if (watched.values().stream().mapToInt(List::size).sum() >= MAX_STREAMS) {
            throw new IllegalStateException("Too many open job streams");
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Subscriber subscriber = new Subscriber(emitter, job.version());
        send(subscriber, job);
        if (job.status().isTerminal()) {
            emitter.complete();
            return emitter;
        }
        List<Subscriber> list = watched.computeIfAbsent(job.id(), id -> new CopyOnWriteArrayList<>());
        list.add(subscriber);
        Runnable remove = () -> list.remove(subscriber);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        return emitter;
    }

    @Scheduled(fixedDelay = 1000)
    void poll() {
        watched.values().removeIf(List::isEmpty);
        Set<UUID> ids = watched.keySet();
        boolean keepAlive = ++polls % KEEP_ALIVE_EVERY_POLLS == 0;
        if (ids.isEmpty()) {
            return;
        }
        for (JobEntity job : jobs.findAllById(new ArrayList<>(ids))) {
            for (Subscriber subscriber : watched.getOrDefault(job.id(), List.of())) {
                if (job.version() > subscriber.sentVersion) {
                    send(subscriber, job);
                    if (job.status().isTerminal()) {
                        subscriber.emitter.complete();
                    }
                } else if (keepAlive) {
                    comment(subscriber);
                }
            }
        }
    }

    private void send(Subscriber subscriber, JobEntity job) {
        try {
            subscriber.emitter.send(SseEmitter.event()
                    .name("job")
                    .id(String.valueOf(job.version()))
                    .data(json.writeValueAsString(JobViews.viewOf(job, json))));
            subscriber.sentVersion = job.version();
        } catch (IOException | IllegalStateException gone) {
            subscriber.emitter.completeWithError(gone);
        }
    }

    private static void comment(Subscriber subscriber) {
        try {
            subscriber.emitter.send(SseEmitter.event().comment("keep-alive"));
        } catch (IOException | IllegalStateException gone) {
            subscriber.emitter.completeWithError(gone);
        }
    }
}
