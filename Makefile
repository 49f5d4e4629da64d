# game-backend: everyday commands. JDK 25 is required; JAVA_HOME defaults to the Temurin 25 of the reference machine.
JAVA_HOME ?= /usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
MVNW := ./mvnw
RUN := $(MVNW) -q -pl server spring-boot:run
# the Docker Compose stack (docs/deployment.md); `docker-compose` v1 is not supported (it lacks --wait)
COMPOSE ?= docker compose
IMAGE ?= game-backend
# SERVICES=app limits restart/logs to some services of the stack
SERVICES ?=
# migrate/seed: against the compose stack when its app container exists, else locally (WHERE=local|compose forces it)
WHERE ?= $(shell $(COMPOSE) ps -a -q app 2>/dev/null | grep -q . && echo compose || echo local)

.PHONY: help run test lint format migrate seed services up gamer-up down restart logs docker-build bootstrap bench-login bench-hash bench-cold-start bench-socket-idle bench-socket-broadcast bench-engine bench-engine-bots bench-mm-pairing bench-mm-footprint bench-mm-simulate bench-mm-arrival bench-leaderboard bench-rating-jobs bench-ingest bench-bot-remote bench-cache bench-hiccups clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

run: ## build and start the server on :4000 (standalone unless DATABASE_URL/GAME_MODE say otherwise)
	$(MVNW) -pl server spring-boot:run

test: services ## the whole test suite (README's test command)
	$(MVNW) verify

lint: ## formatting check + compile with Error Prone/NullAway
	$(MVNW) -q spotless:check
	$(MVNW) -q -DskipTests compile

format: ## reformat the Java sources
	$(MVNW) -q spotless:apply

migrate: ## apply database migrations and exit (the compose stack's database when it runs; else embedded or DATABASE_URL)
ifeq ($(WHERE),compose)
	$(COMPOSE) run --rm app migrate
else
	$(RUN) -Dspring-boot.run.arguments=migrate
endif

seed: ## create demo players and print their credentials (in the compose stack when it runs, else locally)
ifeq ($(WHERE),compose)
	$(COMPOSE) run --rm app seed
else
	$(RUN) -Dspring-boot.run.arguments=seed
endif

up: ## start the Docker Compose stack: app (connected), PostgreSQL, Redis, RabbitMQ, Prometheus, Grafana
	@bash scripts/env-init.sh
	$(COMPOSE) up -d --build --wait
	@echo "up: API http://localhost:4000/api-docs, Grafana :3000, Prometheus :9090, RabbitMQ :15672 (host ports as set in .env)"

gamer-up: up ## alias of up (the original deployment's name)

down: ## stop the stack (data volumes are kept; `docker compose down -v` deletes them)
	$(COMPOSE) down

restart: ## restart the stack, or SERVICES=app only (rebuilds nothing: `make up` does)
	$(COMPOSE) restart $(SERVICES)

logs: ## follow the stack's logs (SERVICES=app for one service)
	$(COMPOSE) logs -f --tail=200 $(SERVICES)

docker-build: ## build the image, tagged with the git revision (IMAGE=registry/game-backend, PUSH=1 to push)
	bash scripts/docker-safe-build.sh $(IMAGE)

bootstrap: ## deploy to an existing Kubernetes cluster with Terraform (infra/terraform.tfvars; see docs/deployment.md)
	bash scripts/bootstrap.sh

services: ## start the machine's PostgreSQL, Redis and RabbitMQ if they are down
	@bash scripts/services.sh start

bench-login: ## login load: p50/p99/throughput (see docs/benchmarks.md)
	$(MVNW) -q -DskipTests install
	bash bench/scripts/login-load.sh

bench-hash: ## JMH: password hash cost per bcrypt strength
	$(MVNW) -q -DskipTests install
	bash bench/scripts/jmh.sh PasswordHashBenchmark

bench-cold-start: ## standalone cold start to ready, from the fat jar
	$(MVNW) -q -DskipTests install
	bash bench/scripts/cold-start.sh

bench-socket-idle: ## 19,000 idle sockets: heap, off-heap and RSS per socket; refusal at the cap
	bash bench/scripts/realtime-idle.sh

bench-socket-broadcast: ## broadcast fan-out to 10,000 sockets (1 topic, and 1,000 topics x 10)
	bash bench/scripts/realtime-broadcast.sh

bench-engine: ## in-process engine load: N arena matches at 20 Hz (MATCHES=1000)
	$(MVNW) -q -DskipTests install
	bash bench/scripts/engine-load.sh $${MATCHES:-1000} 20 15

bench-engine-bots: ## in-process engine load: N all-bot arena matches at 20 Hz (MATCHES=1000)
	$(MVNW) -q -DskipTests install
	bash bench/scripts/engine-load.sh $${MATCHES:-1000} 20 15 bots

bench-mm-pairing: ## JMH: one matchmaking pass over 10k/100k waiting tickets (1v1, 2v2 with parties)
	$(MVNW) -q -DskipTests install
	bash bench/scripts/jmh.sh PairingBenchmark

bench-mm-footprint: ## heap per waiting matchmaking ticket (a pool of 100,000)
	$(MVNW) -q -DskipTests install
	bash bench/scripts/mm-footprint.sh

bench-mm-simulate: ## replay a ticket stream through the pairing (STREAM=csv, MM_OPTS="--team-size 2 ...")
	$(MVNW) -q -DskipTests install
	bash bench/scripts/mm-simulate.sh $${STREAM:-bench/data/matchmaking-sample-stream.csv} $${MM_OPTS:-}

bench-mm-arrival: ## in-process matchmaker at 2,000 tickets/s for 60 s: time to match, CPU per pass
	$(MVNW) -q -DskipTests install
	bash bench/scripts/mm-arrival.sh $${MM_OPTS:-}

bench-leaderboard: services ## leaderboards of 1,000,000 players, local and Redis: rank, top-100, around-me, move (p50/p99)
	$(MVNW) -q -DskipTests install
	bash bench/scripts/leaderboard.sh $${LB_OPTS:-both}

bench-rating-jobs: ## rating jobs applied per second: MATCHES=20000 through JobRunr (MODE=direct: without it)
	$(MVNW) -q -DskipTests install
	bash bench/scripts/rating-jobs.sh $${MATCHES:-20000} 100000 $${MODE:-jobrunr} 4

bench-bot-remote: ## remote bot decisions/s over one gRPC channel to bot-policy-example (unary and stream, p50/p99)
	$(MVNW) -q -DskipTests install
	bash bench/scripts/bot-remote.sh $${SECONDS_RUN:-30} $${WARMUP:-10} $${INFLIGHT:-64}

bench-ingest: ## client events stored per second, sustained after a 20 s warm-up: EVENTS=1000000, MODE=standalone|connected|connected-restart
	$(MVNW) -q -DskipTests install
	bash bench/scripts/ingest.sh $${EVENTS:-1000000} 16 $${MODE:-standalone} $${WARMUP:-20}

bench-cache: services ## leaderboard page and profile: req/s and p99 with the cache cold, warm in the JVM, warm in Redis
	$(MVNW) -q -DskipTests install
	bash bench/scripts/cache.sh $${CONCURRENCY:-16} $${DURATION:-5} 2 $${ROUNDS:-3}

bench-hiccups: ## how late this machine wakes a thread parked for 1 ms (DURATION=10; run it beside a benchmark)
	$(MVNW) -q -DskipTests install
	bash bench/scripts/hiccups.sh $${DURATION:-10}

clean:
	$(MVNW) -q clean
