package org.gamebackend.platform.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.filters.JobServerFilter;

/**
 * Background job meters by job type ({@code Class.method}): {@code jobs_success_total}, {@code jobs_failure_total}
 * (every failed attempt, retried or not — the original design's {@code oban.job.success/failure}) and {@code
 * jobs_duration_seconds}. Installed on JobRunr's job server by {@link JobsConfiguration}.
 */
final class JobMetrics implements JobServerFilter {

    private final MeterRegistry meters;
    private final Map<UUID, Long> started = new ConcurrentHashMap<>();

    JobMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    static String typeOf(Job job) {
        var details = job.getJobDetails();
        String className = details.getClassName();
        return className.substring(className.lastIndexOf('.') + 1) + "." + details.getMethodName();
    }

    @Override
    public void onProcessing(Job job) {
        started.put(job.getId(), System.nanoTime());
    }

    @Override
    public void onProcessingSucceeded(Job job) {
        String type = typeOf(job);
        Counter.builder("jobs_success")
                .description("Background jobs that succeeded, by type")
                .tag("type", type)
                .register(meters)
                .increment();
        recordDuration(job, type, "success");
    }

    @Override
    public void onProcessingFailed(Job job, Exception e) {
        String type = typeOf(job);
        Counter.builder("jobs_failure")
                .description("Background job attempts that failed (and are retried, or not), by type")
                .tag("type", type)
                .register(meters)
                .increment();
        recordDuration(job, type, "failure");
    }

    private void recordDuration(Job job, String type, String outcome) {
        Long start = started.remove(job.getId());
        if (start != null) {
            Timer.builder("jobs_duration")
                    .description("How long background jobs ran, by type and outcome")
                    .tag("type", type)
                    .tag("outcome", outcome)
                    .register(meters)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }
}
