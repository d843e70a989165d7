# KafkaFleet: the two commands of the README, and a few helpers.
SWIFT ?= swift
DEBUG_BIN := $(shell $(SWIFT) build --show-bin-path 2>/dev/null)

.PHONY: build run test test/swift test/e2e chaos chaos/small run/docs docs example clean

build:
	$(SWIFT) build

## Builds and runs kafkafleetd in its embedded default (SQLite, development key, simulated cluster in ./.kafkafleet).
run: build
	$(DEBUG_BIN)/kafkafleetd serve $(ARGS)

## Runs every test: the Swift suites, then the end-to-end tests against the built daemon.
test: test/swift test/e2e

test/swift:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

test/e2e: build
	Tests/EndToEnd/run.sh $(DEBUG_BIN)

## Fault injection (README, "Reliability"): three replicas on PostgreSQL under 1,000 creates and deletes while the
## leading replica is killed twice and PostgreSQL restarted once; then the checks. `chaos/small` is CI's 100-kafka run.
chaos: build
	Tests/Chaos/run.sh $(DEBUG_BIN) full $(ARGS)

chaos/small: build
	Tests/Chaos/run.sh $(DEBUG_BIN) small $(ARGS)

## Serves the OpenAPI document and its docs page on 127.0.0.1:8082, as the reference's `make run/docs`.
run/docs: build
	$(DEBUG_BIN)/kafkafleetd docs --bind 127.0.0.1:8082

## Builds the DocC documentation of KafkaFleetCore and KafkaFleetLocal (.build/plugins/Swift-DocC/outputs/*.doccarchive);
## any warning, such as a link to a symbol that does not exist, fails the build.
docs:
	$(SWIFT) package generate-documentation --target KafkaFleetCore --target KafkaFleetLocal --warnings-as-errors

## Builds and runs Examples/EmbeddedReconcilers, a package of its own that depends on this one by path.
example:
	$(SWIFT) run --package-path Examples/EmbeddedReconcilers EmbeddedReconcilers

clean:
	rm -rf .build .kafkafleet Examples/EmbeddedReconcilers/.build
