# Two commands do everything on a fresh Debian machine (as root):
#   make run   - install what is needed, build, and serve HTTPS on :8443
#   make test  - install what is needed, build, run unit and integration tests
#   make sim   - a lab of simulated devices, one per platform, on 127.0.0.1:10001-10020
SHELL := /bin/bash
NAAS_BIN ?= .build/debug/naas
# ntc-templates' conformance corpus as JSON, for the Swift conformance test.
NTC_CORPUS_JSON := $(CURDIR)/.build/ntc-corpus.json
# The test runs only when the corpus was found (see scripts/ntc-corpus.py).
# One test at a time: on 2 cores the CPU-heavy suites (the TextFSM corpus, the
# stores) hold the cooperative threads for seconds, and the device tests that
# time real sockets and deadlines then fail for waiting, not for a fault.
# Serial, the whole run takes about 25 s.
SWIFT_TEST := NAAS_NTC_CORPUS_JSON=$$([ -f $(NTC_CORPUS_JSON) ] && echo $(NTC_CORPUS_JSON)) swift test --skip-build --no-parallel
# The store tests run on SQLite and, with NAAS_TEST_DATABASE_URL, on a
# throwaway PostgreSQL server (scripts/postgres.sh), stopped afterwards.
TEST_PG_DIR ?= /tmp/naas-test-postgres
# Below the ephemeral range (32768-60999), so no client socket can hold it.
TEST_PG_PORT ?= 15432
SWIFT_TEST_BOTH_STORES := url=$$(bash scripts/postgres.sh start $(TEST_PG_DIR) $(TEST_PG_PORT)) \
	&& { NAAS_TEST_DATABASE_URL=$$url $(SWIFT_TEST); status=$$?; bash scripts/postgres.sh stop $(TEST_PG_DIR); exit $$status; }

.PHONY: setup build release run sim test unit-test integration-test bench clean corpus

setup:
	@bash scripts/setup.sh

build: setup
	swift build --build-tests

release: setup
	swift build -c release --product naas

run: release
	@echo "Starting naas on https://127.0.0.1:$${NAAS_PORT:-8443} (self-signed certificate; data in $${NAAS_DATA_DIR:-./data})"
	@echo "Try: curl -k https://127.0.0.1:$${NAAS_PORT:-8443}/healthcheck"
	.build/release/naas serve

sim: setup
	swift build -c release --product naas-sim
	mkdir -p data
	.build/release/naas-sim --config scripts/sim-lab.json

corpus: setup
	.venv/bin/python scripts/ntc-corpus.py --optional $(NTC_CORPUS_JSON)

unit-test: build corpus
	$(SWIFT_TEST_BOTH_STORES)
	$(NAAS_BIN) contract check

# The integration suite runs twice: on each server's embedded SQLite file, then
# with every server on a database of a real PostgreSQL (IntegrationTests/README.md).
INTEGRATION_TESTS = NAAS_BIN=$(NAAS_BIN) .venv/bin/python -m pytest IntegrationTests
define INTEGRATION_TESTS_BOTH_STORES
	$(INTEGRATION_TESTS)
	NAAS_IT_STORE=postgresql $(INTEGRATION_TESTS)
endef

integration-test: build
	$(INTEGRATION_TESTS_BOTH_STORES)

test: build corpus
	$(SWIFT_TEST_BOTH_STORES)
	$(NAAS_BIN) contract check
	BENCH_SMOKE=1 bash bench/run.sh
	$(INTEGRATION_TESTS_BOTH_STORES)

bench: setup
	bash bench/run.sh

clean:
	rm -rf .build
