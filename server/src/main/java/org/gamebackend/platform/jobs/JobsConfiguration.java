package org.gamebackend.platform.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.storage.StorageProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * JobRunr, the background job runner every module uses (recurring clean-ups, rating jobs): its meters, and the rule
 * that its dashboard never runs without a password (it serves on its own port, outside Spring Security).
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    JobsConfiguration(Environment env) {
        boolean dashboard = env.getProperty("jobrunr.dashboard.enabled", Boolean.class, false);
        if (dashboard && !StringUtils.hasText(env.getProperty("jobrunr.dashboard.password"))) {
            throw new IllegalStateException("JOBS_DASHBOARD=true needs a password: set JOBS_DASHBOARD_PASSWORD (or"
                    + " ADMIN_PASSWORD); the dashboard is for admins only");
        }
    }

    @Bean
    static BeanPostProcessor jobMetricsInstaller(ObjectProvider<MeterRegistry> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof BackgroundJobServer server) {
                    server.setJobFilters(List.of(new JobMetrics(meters.getObject())));
                }
                return bean;
            }
        };
    }

    @Bean
    Gauge jobsQueueDepth(MeterRegistry meters, StorageProvider storage) {
        return Gauge.builder("jobs_queue_depth", storage, s -> s.getJobStats().getEnqueued())
                .description("Background jobs enqueued and not yet started")
                .register(meters);
    }
}
