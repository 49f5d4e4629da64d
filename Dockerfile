# syntax=docker/dockerfile:1.7
# game-backend image: built with JDK 25 and the Maven wrapper, run on a JRE 25 as a non-root user.
# Build it with scripts/docker-safe-build.sh (or `make docker-build`); BuildKit is required (cache mounts).
# docs/deployment.md explains the JVM flags and the layer layout.

ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble

# ---- build -----------------------------------------------------------------------------------------------------
FROM ${JDK_IMAGE} AS build
WORKDIR /src
# the wrapper and the POMs first, so the dependency layer is cached until a POM changes
COPY mvnw ./
COPY .mvn .mvn
COPY pom.xml ./
COPY server/pom.xml server/pom.xml
COPY bench/pom.xml bench/pom.xml
# warm the cache only: a failure here (a flaky mirror) is retried, and reported, by the package step below
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -pl server -am dependency:resolve dependency:resolve-plugins > /dev/null || true
COPY server/src server/src
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -pl server -am package -DskipTests -Dspotless.check.skip=true \
 && cp server/target/game-backend-server-*-exec.jar /tmp/app.jar \
 && java -Djarmode=tools -jar /tmp/app.jar extract --layers --destination /layers

# ---- run -------------------------------------------------------------------------------------------------------
FROM ${JRE_IMAGE} AS run
ARG REVISION=unknown
LABEL org.opencontainers.image.title="game-backend" \
      org.opencontainers.image.description="Self-hosted backend for real-time multiplayer games" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.revision="${REVISION}"

RUN groupadd --system --gid 10001 game \
 && useradd --system --uid 10001 --gid game --home-dir /app --shell /usr/sbin/nologin game \
 && mkdir -p /app /data \
 && chown game:game /data
WORKDIR /app

# least-changing layer first: third-party jars, Spring Boot's loader, snapshot jars, then our own classes
COPY --from=build --chown=game:game /layers/dependencies/ ./
COPY --from=build --chown=game:game /layers/spring-boot-loader/ ./
COPY --from=build --chown=game:game /layers/snapshot-dependencies/ ./
COPY --from=build --chown=game:game /layers/application/ ./
COPY --chmod=0755 deploy/docker/healthcheck.sh /usr/local/bin/healthcheck

# Container-aware memory (heap = 75% of the container limit), short GC pauses for 20-60 Hz ticks (what survives one
# young collection is promoted: docs/deployment.md), smaller object headers (~1 KB less per socket), die on OOM so the
# orchestrator restarts us, and Netty's native access allowed.
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:InitialRAMPercentage=25.0 -XX:+UseG1GC -XX:MaxGCPauseMillis=25 -XX:MaxTenuringThreshold=1 -XX:+UseCompactObjectHeaders -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED -Djava.io.tmpdir=/tmp" \
    PORT=4000 \
    GAME_DATA_DIR=/data

USER 10001:10001
EXPOSE 4000
VOLUME ["/data"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 CMD ["/usr/local/bin/healthcheck"]

# exec form: java is PID 1 and gets SIGTERM itself, so running matches are suspended before exit.
# Arguments pass through: `docker run IMAGE migrate` or `... seed`.
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
