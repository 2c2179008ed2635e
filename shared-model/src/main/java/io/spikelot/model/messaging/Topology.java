package io.spikelot.model.messaging;

import io.spikelot.model.job.ResourceClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one place that names the broker topology; both services declare it from here. Every name starts with a
 * prefix ({@value #DEFAULT_PREFIX} unless configured), so several installations or test runs can share a broker.
 *
 * <pre>
 * {p}.jobs    (direct)  --cpu--> {p}.jobs.cpu   (durable; rejected messages -> {p}.dead -> {p}.jobs.dead)
 *                       --gpu--> {p}.jobs.gpu
 * {p}.events  (topic)   --job.#-> {p}.events.api (durable; consumed by the API; rejected -> {p}.dead)
 * {p}.control (fanout)  -------> one exclusive auto-delete queue per worker (cancellation)
 * </pre>
 *
 * @param prefix the first segment of every name: letters, digits, '-' and '_'
 */
public record Topology(String prefix) {

    public static final String DEFAULT_PREFIX = "spikelot";
    private static final Pattern VALID_PREFIX = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public Topology {
        if (prefix == null || !VALID_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("Broker prefix must match " + VALID_PREFIX + ", got: " + prefix);
        }
    }

    public static Topology standard() {
        return new Topology(DEFAULT_PREFIX);
    }

    public String jobsExchange() {
        return prefix + ".jobs";
    }

    /** The durable queue that holds dispatches for one resource class, e.g. {@code spikelot.jobs.gpu}. */
    public String jobsQueue(ResourceClass resourceClass) {
        return jobsExchange() + "." + resourceClass.wireName();
    }

    /** The routing key of dispatches for one resource class on {@link #jobsExchange()}. */
    public String jobsRoutingKey(ResourceClass resourceClass) {
        return resourceClass.wireName();
    }

    public String eventsExchange() {
        return prefix + ".events";
    }

    public String eventsQueue() {
        return eventsExchange() + ".api";
    }

    /** The binding of {@link #eventsQueue()}: every job event. */
    public String eventsBindingKey() {
        return "job.#";
    }

    /** The routing key of one job event on {@link #eventsExchange()}, e.g. {@code job.progress}. */
    public String eventRoutingKey(EventKind kind) {
        return "job." + kind.name().toLowerCase(Locale.ROOT);
    }

    public String controlExchange() {
        return prefix + ".control";
    }

    public String deadLetterExchange() {
        return prefix + ".dead";
    }

    public String deadLetterQueue() {
        return prefix + ".jobs.dead";
    }

    /** An exchange to declare: durable, of AMQP type {@code direct}, {@code topic} or {@code fanout}. */
    public record ExchangeDeclaration(String name, String type) {}

    /** A durable queue to declare; rejected messages go to {@code deadLetterExchange} when not null. */
    public record QueueDeclaration(String name, String deadLetterExchange) {

        /** The queue's AMQP {@code x-} arguments: the dead-letter exchange, if any. */
        public Map<String, Object> arguments() {
            return deadLetterExchange == null ? Map.of() : Map.of("x-dead-letter-exchange", deadLetterExchange);
        }
    }

    /** A binding of a queue to an exchange. */
    public record BindingDeclaration(String queue, String exchange, String routingKey) {}

    /**
     * The whole topology as a broker client's own objects: every exchange, then every queue, then every binding,
     * each mapped by the matching function. Both services declare it through this, so they declare the same.
     */
    public <T> List<T> declarations(
            Function<ExchangeDeclaration, ? extends T> exchange,
            Function<QueueDeclaration, ? extends T> queue,
            Function<BindingDeclaration, ? extends T> binding) {
        List<T> all = new ArrayList<>();
        exchanges().forEach(e -> all.add(exchange.apply(e)));
        queues().forEach(q -> all.add(queue.apply(q)));
        bindings().forEach(b -> all.add(binding.apply(b)));
        return all;
    }

    public List<ExchangeDeclaration> exchanges() {
        return List.of(
                new ExchangeDeclaration(jobsExchange(), "direct"),
                new ExchangeDeclaration(eventsExchange(), "topic"),
                new ExchangeDeclaration(controlExchange(), "fanout"),
                new ExchangeDeclaration(deadLetterExchange(), "fanout"));
    }

    /** The durable queues: one per resource class, the API's events queue and the dead-letter queue. */
    public List<QueueDeclaration> queues() {
        List<QueueDeclaration> queues = new ArrayList<>();
        for (ResourceClass resourceClass : ResourceClass.values()) {
            queues.add(new QueueDeclaration(jobsQueue(resourceClass), deadLetterExchange()));
        }
        queues.add(new QueueDeclaration(eventsQueue(), deadLetterExchange()));
        queues.add(new QueueDeclaration(deadLetterQueue(), null));
        return queues;
    }

    public List<BindingDeclaration> bindings() {
        List<BindingDeclaration> bindings = new ArrayList<>();
        for (ResourceClass resourceClass : ResourceClass.values()) {
            bindings.add(
                    new BindingDeclaration(jobsQueue(resourceClass), jobsExchange(), jobsRoutingKey(resourceClass)));
        }
        bindings.add(new BindingDeclaration(eventsQueue(), eventsExchange(), eventsBindingKey()));
        bindings.add(new BindingDeclaration(deadLetterQueue(), deadLetterExchange(), ""));
        return bindings;
    }
}
