# storywatch — build, run the example, test, benchmark, install.
PREFIX ?= /usr
DESTDIR ?=
SWIFT ?= swift
STATE ?= $(CURDIR)/state
APT_PACKAGES = libcurl4-openssl-dev libsqlite3-dev

.PHONY: deps build run test golden bench install release install-files clean lexicon

# Installs the C libraries storywatch links (libcurl, SQLite) when they are missing.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing$$missing"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

# The main job on the embedded default: SQLite state in ./state, the bundled example corpus,
# alerts printed (no webhook configured).
run: build
	.build/debug/storywatch scan --corpus examples/corpus --state $(STATE) --format text

# Unit and integration tests, the operator's end-to-end run of the daemon and the daemon's
# integration checks (live blogs, restart, reload, overflow, corpus deleted; Tests/e2e), and an
# installed binary reading its installed dictionaries (install_e2e.py).
# --explicit-target-dependency-import-check: a target importing a module it does not declare fails.
test: deps
	$(SWIFT) build --build-tests --explicit-target-dependency-import-check error
	@if command -v python3 >/dev/null 2>&1; then python3 Tests/e2e/daemon_e2e.py .build/debug/storywatch; \
	else echo "skip: Tests/e2e/daemon_e2e.py needs python3"; fi
	@if command -v python3 >/dev/null 2>&1; then python3 Tests/e2e/daemon_integration.py .build/debug/storywatch; \
	else echo "skip: Tests/e2e/daemon_integration.py needs python3"; fi
	@if command -v python3 >/dev/null 2>&1; then python3 Tests/e2e/install_e2e.py .build/debug/storywatch; \
	else echo "skip: Tests/e2e/install_e2e.py needs python3"; fi
	$(SWIFT) test --skip-build

# Rewrites Tests/Golden/expected.jsonl, the extraction of our own golden articles
# (Tests/Golden/corpus) that GoldenTests compares against: run it when a change to extraction is
# meant, and review the diff of expected.jsonl before committing it.
golden: build
	.build/debug/storywatch extract --format jsonl $$(LC_ALL=C ls Tests/Golden/corpus/*.txt) > Tests/Golden/expected.jsonl

# `make bench [BENCH_BUILD=.build-bench] [BENCH_ARGS="--quick rescan"]`: BENCH_BUILD is the
# SwiftPM scratch path (default .build), BENCH_ARGS picks phases (ingest extract rescan track).
# Then the delivery worker against nginx, then the daemon (Benchmarks/daemon-bench.py: rename →
# webhook latency against `inotifywait | curl`, idle CPU and RSS; installs inotify-tools if missing).
BENCH_BUILD ?= .build
BENCH_ARGS ?=
bench: deps
	$(SWIFT) build -c release --product storywatch-bench --scratch-path $(BENCH_BUILD)
	$(BENCH_BUILD)/release/storywatch-bench $(BENCH_ARGS)
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light; }
	$(SWIFT) build -c release --product storywatch-deliver-bench
	.build/release/storywatch-deliver-bench
	$(SWIFT) build -c release --product storywatch
	Benchmarks/daemon-bench.py .build/release/storywatch

# `make lexicon [LEXICONS=DIR]`: regenerates Sources/StorywatchExtract/Dictionaries/generated/ from the
# CAMEO and Phoenix dictionaries in DIR (default ../shared/lexicons, see its SOURCES.md).
LEXICONS ?= ../shared/lexicons
GENERATED = Sources/StorywatchExtract/Dictionaries/generated
lexicon:
	@[ -d "$(LEXICONS)" ] || { echo "make lexicon: no folder $(LEXICONS): give LEXICONS=DIR, the folder holding the CAMEO and Phoenix files (SOURCES.md)" >&2; exit 2; }
	$(SWIFT) build --product storywatch-lexicon
	.build/debug/storywatch-lexicon --sources $(LEXICONS) --out $(GENERATED) --stop Sources/StorywatchLexicon/cameo-stoplist.txt

# `make install [PREFIX=/usr] [DESTDIR=]`: the release binary, the systemd unit (its /usr/bin paths
# rewritten for another PREFIX), a man page made from `storywatch --help`, and /etc/storywatch with
# the example config (an existing config is never overwritten) and a root-only credentials folder.
install: release install-files

release: deps
	$(SWIFT) build -c release --product storywatch

# The copying half of `install`; BIN= installs another binary (the unit check uses a stub).
BIN ?= .build/release/storywatch
BINDIR = $(PREFIX)/bin
UNITDIR = $(PREFIX)/lib/systemd/system
MAN1DIR = $(PREFIX)/share/man/man1
# The dictionaries, where the binary looks for them: <bin>/../share/storywatch/dictionaries.
DICTDIR = $(PREFIX)/share/storywatch/dictionaries
install-files:
	install -D -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/storywatch
	install -d $(DESTDIR)$(DICTDIR)/generated
	install -m 0644 Sources/StorywatchExtract/Dictionaries/*.txt $(DESTDIR)$(DICTDIR)/
	install -m 0644 $(GENERATED)/*.txt $(DESTDIR)$(DICTDIR)/generated/
	install -d $(DESTDIR)$(UNITDIR) $(DESTDIR)$(MAN1DIR)
	sed 's|/usr/bin/storywatch|$(BINDIR)/storywatch|g' systemd/storywatch.service > $(DESTDIR)$(UNITDIR)/storywatch.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/storywatch.service
	{ printf '.TH STORYWATCH 1\n.SH NAME\nstorywatch \\- alert webhooks when a news story takes a turn\n.SH DESCRIPTION\n.nf\n'; \
	  $(BIN) --help | sed -e 's/\\/\\e/g' -e "s/^[.']/\\\\\&&/"; \
	  printf '.fi\n.SH FILES\n/etc/storywatch/storywatch.toml, /etc/storywatch/credentials/, /var/lib/storywatch/state.sqlite\n.SH SEE ALSO\nsystemctl(1), journalctl(1)\n'; \
	} > $(DESTDIR)$(MAN1DIR)/storywatch.1
	chmod 0644 $(DESTDIR)$(MAN1DIR)/storywatch.1
	install -d -m 0755 $(DESTDIR)/etc/storywatch $(DESTDIR)/etc/storywatch/dictionaries
	install -d -m 0700 $(DESTDIR)/etc/storywatch/credentials
	[ -e $(DESTDIR)/etc/storywatch/storywatch.toml ] || install -m 0644 etc/storywatch.toml $(DESTDIR)/etc/storywatch/storywatch.toml

clean:
	rm -rf .build state
