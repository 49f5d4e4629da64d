package org.gamebackend.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.gamebackend.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The image's health check script (deploy/docker/healthcheck.sh) against the real server, and against nothing. */
@ApiTest
class HealthCheckScriptTests {

    @LocalServerPort
    int port;

    @Test
    void aReadyServerIsHealthy() throws Exception {
        assertThat(run(Integer.toString(port), null)).isZero();
    }

    @Test
    void theManagementPortWinsWhenSet() throws Exception {
        assertThat(run("1", Integer.toString(port))).isZero();
    }

    @Test
    void nothingListeningIsUnhealthy() throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        assertThat(run(Integer.toString(free), null)).isNotZero();
    }

    private static int run(String appPort, String managementPort) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(
                        "bash", Repo.file("deploy/docker/healthcheck.sh").toString())
                .redirectErrorStream(true);
        pb.environment().put("PORT", appPort);
        pb.environment().remove("PROMETHEUS_PORT");
        if (managementPort != null) {
            pb.environment().put("PROMETHEUS_PORT", managementPort);
        }
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(15, TimeUnit.SECONDS))
                .as("health check finished: %s", output)
                .isTrue();
        return p.exitValue();
    }
}
