package app.herald.api.application;

import app.herald.api.domain.WebhookSignature;
import app.herald.jobs.application.JobHandler;
import app.herald.jobs.domain.Backoff;
import app.herald.jobs.domain.Job;
import app.herald.jobs.domain.Outcome;
import app.herald.jobs.domain.QueueSettings;
import app.herald.publishing.infrastructure.NetworkCall;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code webhook} queue: sends each delivery of the outbox, signed afresh for each attempt (Standard Webhooks:
 * the same {@code webhook-id}, a new timestamp), through the one outbound-address guard and without following
 * redirects. A 2xx settles it; 410 switches the endpoint off; anything else (or no answer in 10 s) is tried again,
 * after {@code herald.webhooks.first-retry-seconds} (30) and then longer waits up to 6 hours, 12 attempts in all:
 * about a day.
 */
@ApplicationScoped
public class WebhookHandler implements JobHandler {

    static final String QUEUE = "webhook";
    static final String KIND = "DELIVER";
    static final int ATTEMPTS = 12;
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    @Inject
    WebhookSending sending;
    @Inject
    @ConfigProperty(name = "herald.webhooks.concurrency", defaultValue = "4")
    int concurrency;
    @Inject
    @ConfigProperty(name = "herald.webhooks.first-retry-seconds", defaultValue = "30")
    long firstRetrySeconds;

    @Override
    public String queue() {
        return QUEUE;
    }

    @Override
    public QueueSettings settings() {
        return QueueSettings.of(concurrency, Duration.ofMinutes(2)).retries(ATTEMPTS, backoff());
    }

    private Backoff backoff() {
        return new Backoff(Duration.ofSeconds(firstRetrySeconds), Duration.ofHours(6));
    }

    @Override
    public Outcome run(Job job) {
        Optional<WebhookSending.Attempt> found = sending.open(job.subjectId());
        if (found.isEmpty()) {
            return Outcome.done("nothing to send: delivered already, or the endpoint is off or gone");
        }
        WebhookSending.Attempt attempt = found.get();
        long timestamp = Instant.now().getEpochSecond();
        String signatures = attempt.secrets().stream()
                .map(secret -> WebhookSignature.sign(secret, attempt.messageId(), timestamp, attempt.payload()))
                .collect(Collectors.joining(" "));
        HttpRequest request = NetworkCall.request(attempt.url(), ANSWER_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("webhook-id", attempt.messageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures)
                .POST(HttpRequest.BodyPublishers.ofString(attempt.payload())).build();
        NetworkCall call = NetworkCall.send(request);
        String answer = call.answered() ? call.body() : call.problem();
        Instant now = Instant.now();
        if (sending.answered(attempt.deliveryId(), call.status(), answer, now)) {
            return Outcome.done();
        }
        if (job.attempts() >= ATTEMPTS) {
            sending.gaveUp(attempt.deliveryId(), now);
            return Outcome.dead("gave up after " + ATTEMPTS + " attempts: " + answer);
        }
        return Outcome.retry(now.plus(backoff().after(job.attempts(), ThreadLocalRandom.current())),
                call.answered() ? "the receiver answered " + call.status() : answer);
    }
}
