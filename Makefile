# storywatch — build, run the example, test, benchmark, install.
PREFIX ?= /usr
DESTDIR ?=
SWIFT ?= swift
STATE ?= $(CURDIR)/state
APT_PACKAGES = libcurl4-openssl-dev libsqlite3-dev

.PHONY: deps build run test bench install clean

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

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	$(SWIFT) build -c release --product storywatch-bench
	.build/release/storywatch-bench

install:
	$(SWIFT) build -c release --product storywatch
	install -D -m 0755 .build/release/storywatch $(DESTDIR)$(PREFIX)/bin/storywatch
	install -D -m 0644 systemd/storywatch.service $(DESTDIR)$(PREFIX)/lib/systemd/system/storywatch.service
	sed -i 's|/usr/bin/storywatch|$(PREFIX)/bin/storywatch|g' $(DESTDIR)$(PREFIX)/lib/systemd/system/storywatch.service
	install -d $(DESTDIR)/etc/storywatch/dictionaries
	[ -e $(DESTDIR)/etc/storywatch/storywatch.toml ] || install -m 0640 etc/storywatch.toml $(DESTDIR)/etc/storywatch/storywatch.toml

clean:
	rm -rf .build state
