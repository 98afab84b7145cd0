# storywatch — build, run the example, test, benchmark, install.
PREFIX ?= /usr
DESTDIR ?=
SWIFT ?= swift
STATE ?= $(CURDIR)/state
APT_PACKAGES = libcurl4-openssl-dev libsqlite3-dev

.PHONY: deps build run test golden bench install release install-files man deb deb-files clean lexicon report-shot

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
# integration checks (live blogs, restart, reload, overflow, corpus deleted; Tests/e2e), its
# reliability checks (one deliverer, broken secrets, empty reload, damaged state…), an
# operator's view (operator_e2e.py: the HTML report in headless Chromium, /metrics and /healthz), an
# installed binary reading its installed dictionaries (install_e2e.py), and the Debian package
# unpacked and run with the build folder hidden, then linted (deb_e2e.py).
# --explicit-target-dependency-import-check: a target importing a module it does not declare fails.
test: deps
	$(SWIFT) build --build-tests --explicit-target-dependency-import-check error
	@if command -v python3 >/dev/null 2>&1; then python3 Tests/e2e/daemon_e2e.py .build/debug/storywatch; \
	else echo "skip: Tests/e2e/daemon_e2e.py needs python3"; fi
	@if command -v python3 >/dev/null 2>&1; then python3 Tests/e2e/daemon_integration.py .build/debug/storywatch; \
	else echo "skip: Tests/e2e/daemon_integration.py needs python3"; fi
	@if command -v python3 >/dev/null 2>&1; then python3 Tests/e2e/daemon_reliability.py .build/debug/storywatch; \
	else echo "skip: Tests/e2e/daemon_reliability.py needs python3"; fi
	@if command -v python3 >/dev/null 2>&1; then python3 Tests/e2e/operator_e2e.py .build/debug/storywatch; \
	else echo "skip: Tests/e2e/operator_e2e.py needs python3"; fi
	@if command -v python3 >/dev/null 2>&1; then python3 Tests/e2e/install_e2e.py .build/debug/storywatch; \
	else echo "skip: Tests/e2e/install_e2e.py needs python3"; fi
	@if command -v python3 >/dev/null 2>&1; then python3 Tests/e2e/deb_e2e.py; \
	else echo "skip: Tests/e2e/deb_e2e.py needs python3"; fi
	$(SWIFT) test --skip-build

# `make report-shot [SHOT=report-shot.png]`: the HTML report of the example corpus, and a PNG
# screenshot of it taken by headless Chromium (Debian's `chromium`), for people to look at.
SHOT ?= report-shot.png
report-shot: build
	rm -rf .build/report-shot && mkdir -p .build/report-shot
	.build/debug/storywatch scan --corpus examples/corpus --state .build/report-shot/state --log-level error > /dev/null
	.build/debug/storywatch report --state .build/report-shot/state --html .build/report-shot/report.html
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,2400 \
		--screenshot=$(abspath $(SHOT)) file://$(CURDIR)/.build/report-shot/report.html
	@echo "wrote $(SHOT) (the page: .build/report-shot/report.html)"

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
	$(SWIFT) build -c release --product storywatch --disable-local-rpath
	Benchmarks/daemon-bench.py .build/release/storywatch

# `make lexicon [LEXICONS=DIR]`: regenerates Sources/StorywatchExtract/Dictionaries/generated/ from the
# CAMEO and Phoenix dictionaries in DIR (default ../shared/lexicons, see its SOURCES.md).
LEXICONS ?= ../shared/lexicons
GENERATED = Sources/StorywatchExtract/Dictionaries/generated
lexicon:
	@[ -d "$(LEXICONS)" ] || { echo "make lexicon: no folder $(LEXICONS): give LEXICONS=DIR, the folder holding the CAMEO and Phoenix files (SOURCES.md)" >&2; exit 2; }
	$(SWIFT) build --product storywatch-lexicon
	.build/debug/storywatch-lexicon --sources $(LEXICONS) --out $(GENERATED) --stop Sources/StorywatchLexicon/cameo-stoplist.txt

# `make install [PREFIX=/usr] [DESTDIR=]`: the release binary (stripped), the systemd unit (its
# /usr/bin paths rewritten for another PREFIX), the man pages storywatch(8) and storywatch.toml(5),
# bash, zsh and fish completions, the dictionaries, and /etc/storywatch with the example config
# (an existing config is never overwritten) and a root-only credentials folder.
install: release install-files

release: deps
	$(SWIFT) build -c release --product storywatch --disable-local-rpath

# The copying half of `install`; BIN= installs another binary (the unit check uses a stub, with
# STRIP= since a script cannot be stripped).
BIN ?= .build/release/storywatch
STRIP ?= -s
BINDIR = $(PREFIX)/bin
UNITDIR = $(PREFIX)/lib/systemd/system
MAN5DIR = $(PREFIX)/share/man/man5
MAN8DIR = $(PREFIX)/share/man/man8
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR = $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR = $(PREFIX)/share/fish/vendor_completions.d
# The dictionaries, where the binary looks for them: <bin>/../share/storywatch/dictionaries.
DICTDIR = $(PREFIX)/share/storywatch/dictionaries
install-files:
	install -D -m 0755 $(STRIP) $(BIN) $(DESTDIR)$(BINDIR)/storywatch
	install -d $(DESTDIR)$(DICTDIR)/generated
	install -m 0644 Sources/StorywatchExtract/Dictionaries/*.txt $(DESTDIR)$(DICTDIR)/
	install -m 0644 $(GENERATED)/*.txt $(DESTDIR)$(DICTDIR)/generated/
	install -d $(DESTDIR)$(UNITDIR)
	sed 's|/usr/bin/storywatch|$(BINDIR)/storywatch|g' systemd/storywatch.service > $(DESTDIR)$(UNITDIR)/storywatch.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/storywatch.service
	install -D -m 0644 docs/man/storywatch.8 $(DESTDIR)$(MAN8DIR)/storywatch.8
	install -D -m 0644 docs/man/storywatch.toml.5 $(DESTDIR)$(MAN5DIR)/storywatch.toml.5
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	$(BIN) --generate-completion-script bash > $(DESTDIR)$(BASHCOMPDIR)/storywatch
	$(BIN) --generate-completion-script zsh > $(DESTDIR)$(ZSHCOMPDIR)/_storywatch
	$(BIN) --generate-completion-script fish > $(DESTDIR)$(FISHCOMPDIR)/storywatch.fish
	chmod 0644 $(DESTDIR)$(BASHCOMPDIR)/storywatch $(DESTDIR)$(ZSHCOMPDIR)/_storywatch $(DESTDIR)$(FISHCOMPDIR)/storywatch.fish
	install -d -m 0755 $(DESTDIR)/etc/storywatch $(DESTDIR)/etc/storywatch/dictionaries
	install -d -m 0700 $(DESTDIR)/etc/storywatch/credentials
	[ -e $(DESTDIR)/etc/storywatch/storywatch.toml ] || install -m 0644 etc/storywatch.toml $(DESTDIR)/etc/storywatch/storywatch.toml

# Rewrites docs/man/storywatch.8 from the command tree (swift-argument-parser's GenerateManual
# plugin, a debug build) and the hand-written docs/man/storywatch-sections.8 (EXIT STATUS,
# SIGNALS, ENVIRONMENT, FILES, SEE ALSO). Run it when a command or option changes; install_e2e.py
# fails while the page misses one.
MANOUT = .build/plugins/GenerateManual/outputs/storywatch
man:
	$(SWIFT) package plugin --allow-writing-to-package-directory generate-manual --configuration debug \
		--section 8 --date $$(date -u +%Y-%m-%d)
	{ sed '/^\.Sh "EXIT STATUS"/,$$d' $(MANOUT)/storywatch.8; cat docs/man/storywatch-sections.8; } > docs/man/storywatch.8

# `make deb [DEBDIR=DIR] [BIN=FILE]`: DIR/storywatch_VERSION_amd64.deb (DIR defaults to the
# repository) holding what `install` installs, the config as a conffile, the man pages gzipped,
# packaging/deb/copyright and a changelog. The version is the binary's `--version`; Depends
# come from dpkg-shlibdeps (dpkg-dev) when it is there, else the libraries Debian 12 names.
# `deb-files` is the packaging half: BIN= packages a binary already built, DEBZ= gives dpkg-deb's
# compression (Tests/e2e/deb_e2e.py uses a fast gzip: xz takes a minute on this binary).
DEBDIR ?= $(CURDIR)
DEBZ ?= -Zxz
DEB_DEPENDS = libc6 (>= 2.36), libcurl4 (>= 7.68.0), libgcc-s1 (>= 3.3.1), libsqlite3-0 (>= 3.20.0), libstdc++6 (>= 12)
deb: release deb-files

deb-files:
	@set -e; version=$$($(BIN) --version); work=$$(mktemp -d); trap 'rm -rf "$$work"' EXIT; \
	pkg=$$work/pkg; doc=$$pkg/usr/share/doc/storywatch; \
	$(MAKE) -s install-files DESTDIR=$$pkg PREFIX=/usr BIN=$(BIN) STRIP=$(STRIP); \
	gzip -9n $$pkg/usr/share/man/man8/storywatch.8 $$pkg/usr/share/man/man5/storywatch.toml.5; \
	install -D -m 0644 packaging/deb/copyright $$doc/copyright; \
	install -D -m 0644 etc/storywatch.toml $$doc/examples/storywatch.toml; \
	printf 'storywatch (%s) unstable; urgency=medium\n\n  * Built from the storywatch source tree.\n\n -- %s  %s\n' \
		"$$version" "storywatch maintainers <storywatch@example.org>" "$$(git log -1 --format=%aD 2>/dev/null || date -R)" \
		| gzip -9n > $$doc/changelog.gz; chmod 0644 $$doc/changelog.gz; \
	depends="$(DEB_DEPENDS)"; \
	if command -v dpkg-shlibdeps >/dev/null 2>&1; then \
		mkdir -p $$work/debian && printf 'Source: storywatch\n\nPackage: storywatch\nArchitecture: amd64\n' > $$work/debian/control; \
		found=$$(cd $$work && dpkg-shlibdeps -O pkg/usr/bin/storywatch 2>/dev/null | sed -n 's/^shlibs:Depends=//p'); \
		[ -z "$$found" ] || depends=$$found; \
	fi; \
	install -d -m 0755 $$pkg/DEBIAN; \
	echo /etc/storywatch/storywatch.toml > $$pkg/DEBIAN/conffiles; \
	sed -e "s/@VERSION@/$$version/" -e "s/@SIZE@/$$(du -sk --exclude=DEBIAN $$pkg | cut -f1)/" -e "s/@DEPENDS@/$$depends/" \
		packaging/deb/control.in > $$pkg/DEBIAN/control; \
	(cd $$pkg && find usr -type f -exec md5sum {} + | LC_ALL=C sort -k2 > DEBIAN/md5sums); \
	chmod 0644 $$pkg/DEBIAN/conffiles $$pkg/DEBIAN/control $$pkg/DEBIAN/md5sums; \
	mkdir -p $(DEBDIR); \
	dpkg-deb --root-owner-group $(DEBZ) --build $$pkg $(DEBDIR)/storywatch_$${version}_amd64.deb

clean:
	rm -rf .build state
