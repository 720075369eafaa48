# Callisto: the two commands a newcomer runs are `make run` and `make test`.
SHELL := /bin/bash
export PATH := $(PATH):/opt/swift/usr/bin
# Kernels of the project's own virtual environment are found first.
export JUPYTER_PATH := $(CURDIR)/.venv/share/jupyter$(if $(JUPYTER_PATH),:$(JUPYTER_PATH))
export CALLISTO_VENV := $(CURDIR)/.venv
PREFIX ?= /usr/local
SWIFT_FLAGS ?=
TOUR ?= examples/tour.ipynb
# Release builds link the Swift runtime and Foundation statically: the dynamic loader's symbol
# lookups across their shared libraries were most of the start-up time. Only the programs are built
# (the test support module needs the dynamic Testing library).
RELEASE_FLAGS ?= -c release --static-swift-stdlib

.PHONY: setup build run test bench install clean

setup:
	@./.ci/setup.sh

build: setup
	@swift build -q $(SWIFT_FLAGS)

run: build
	@"$$(swift build $(SWIFT_FLAGS) --show-bin-path)/callisto" $(TOUR)

test: setup
	@swift build -q --build-tests $(SWIFT_FLAGS)
	@swift test --skip-build $(SWIFT_FLAGS)

bench: setup
	@swift build -q $(RELEASE_FLAGS) --product callisto
	@swift build -q $(RELEASE_FLAGS) --product callisto-bench
	@.venv/bin/python Benchmarks/run.py $(BENCH)

install: setup
	@swift build -q $(RELEASE_FLAGS) --product callisto
	@bin="$$(swift build $(RELEASE_FLAGS) --show-bin-path)"; \
	install -d "$(DESTDIR)$(PREFIX)/bin" "$(DESTDIR)$(PREFIX)/share/callisto/Themes" "$(DESTDIR)$(PREFIX)/share/callisto/Keymaps"; \
	install -m 755 "$$bin/callisto" "$(DESTDIR)$(PREFIX)/bin/callisto"; \
	if ls Themes/*.toml >/dev/null 2>&1; then install -m 644 Themes/*.toml "$(DESTDIR)$(PREFIX)/share/callisto/Themes/"; fi; \
	if ls Keymaps/*.toml >/dev/null 2>&1; then install -m 644 Keymaps/*.toml "$(DESTDIR)$(PREFIX)/share/callisto/Keymaps/"; fi; \
	echo "installed $(DESTDIR)$(PREFIX)/bin/callisto"

clean:
	@rm -rf .build
