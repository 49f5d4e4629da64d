package org.gamebackend.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The deployment scripts parse (bash -n), fail fast (set -euo pipefail), are executable, and the Makefile calls them. */
class ScriptsTests {

    static final List<String> SCRIPTS = List.of(
            "scripts/bootstrap.sh",
            "scripts/docker-safe-build.sh",
            "scripts/env-init.sh",
            "deploy/docker/healthcheck.sh");

    @Test
    void scriptsParseAndFailFast() throws Exception {
        for (String script : SCRIPTS) {
            Path file = Repo.file(script);
            assertThat(Files.isExecutable(file)).as("%s is executable", script).isTrue();
            assertThat(Repo.read(file))
                    .as(script)
                    .startsWith("#!/usr/bin/env bash")
                    .contains("set -euo pipefail");
            Process bash = new ProcessBuilder("bash", "-n", file.toString())
                    .redirectErrorStream(true)
                    .start();
            assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.exitValue()).as("bash -n %s: %s", script, output).isZero();
        }
    }

    @Test
    void theMakefileRunsTheStackAndTheScripts() {
        String makefile = Repo.read("Makefile");
        for (String target : List.of(
                "up:",
                "gamer-up:",
                "down:",
                "restart:",
                "logs:",
                "migrate:",
                "seed:",
                "bootstrap:",
                "docker-build:",
                "test:",
                "lint:",
                "format:")) {
            assertThat(makefile).as("Makefile target %s", target).containsPattern("(?m)^" + target);
        }
        assertThat(makefile).contains("scripts/bootstrap.sh", "scripts/docker-safe-build.sh", "scripts/env-init.sh");
    }
}
