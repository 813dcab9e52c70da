# runlog - a training and recovery journal for runners.
# Hand-written; `make`, `make run`, `make check`, `make install`.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
LIBEXECDIR ?= $(PREFIX)/libexec
MANDIR     ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/vendor-completions
DESTDIR    ?=
PKG_CONFIG ?= pkg-config
BUILD      ?= build
VERSION     = 0.1.0

CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CPPFLAGS += -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 -D_XOPEN_SOURCE_EXTENDED \
	    -DRUNLOG_VERSION='"$(VERSION)"' -iquote include -I$(BUILD) \
	    -DRUNLOG_LIBEXECDIR='"$(LIBEXECDIR)/runlog"' 
ifeq ($(WERROR),1)
override CFLAGS += -Werror
endif
ifeq ($(SAN),1)
override CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
override LDFLAGS += -fsanitize=address,undefined
endif

# Both cores (or every core) by default, each line of output whole; a -j
# on the command line wins. `make run` keeps the terminal for the journal.
NPROC := $(shell nproc 2>/dev/null || echo 2)
ifeq ($(MAKELEVEL),0)
MAKEFLAGS += -j$(NPROC)
ifeq ($(filter run,$(MAKECMDGOALS)),)
MAKEFLAGS += --output-sync=line
endif
endif

# Each library that ships a pkg-config file is asked for on its own, as
# name:Debian package, so one missing .pc file names its package instead of
# dropping every flag. libcsv has none: a compile test checks it.
LIBS_PC  = ncursesw:libncurses-dev sqlite3:libsqlite3-dev inih:libinih-dev \
	   expat:libexpat1-dev libarchive:libarchive-dev yajl:libyajl-dev
# Loaded by runlog-read only: runlog itself never links them.
READ_PC  = expat libarchive yajl
TEST_PC  = cmocka:libcmocka-dev
pc_name  = $(word 1,$(subst :, ,$(1)))
pc_deb   = $(word 2,$(subst :, ,$(1)))
pc_found = $(strip $(foreach l,$(1),$(if $(shell $(PKG_CONFIG) --exists \
	   $(call pc_name,$(l)) 2>/dev/null && echo y),$(call pc_name,$(l)))))
pc_lost  = $(strip $(foreach l,$(1),$(if $(filter $(call pc_name,$(l)),$(2)),,$(call pc_deb,$(l)))))
pc_names = $(strip $(foreach l,$(1),$(if $(filter $(call pc_deb,$(l)),$(2)),$(call pc_name,$(l)))))
LIBS_FOUND   := $(call pc_found,$(LIBS_PC))
LIBS_MISSING := $(call pc_lost,$(LIBS_PC),$(LIBS_FOUND))
TEST_FOUND   := $(call pc_found,$(TEST_PC))
TEST_MISSING := $(call pc_lost,$(TEST_PC),$(TEST_FOUND))
CPPFLAGS += $(foreach p,$(LIBS_FOUND),$(shell $(PKG_CONFIG) --cflags $(p)))
LDLIBS   += $(foreach p,$(LIBS_FOUND),$(shell $(PKG_CONFIG) --libs $(p))) -lcsv -lm
RUNLOG_LIBS = $(foreach p,$(filter-out $(READ_PC),$(LIBS_FOUND)),$(shell \
	   $(PKG_CONFIG) --libs $(p))) -lcsv -lm
TEST_CFLAGS = $(foreach p,$(TEST_FOUND),$(shell $(PKG_CONFIG) --cflags $(p)))
TEST_LIBS   = $(foreach p,$(TEST_FOUND),$(shell $(PKG_CONFIG) --libs $(p)))

# Each object lists the headers it includes (-MMD), and a removed header
# is no error (-MP).
DEPFLAGS = -MMD -MP

SRCS     = $(wildcard src/*.c)
OBJS     = $(patsubst src/%.c,$(BUILD)/%.o,$(SRCS)) $(BUILD)/schema.o
LIBOBJS  = $(filter-out $(BUILD)/main.o $(BUILD)/runlog-read.o,$(OBJS))
# The readers of device files and archives: runlog-read's, not runlog's.
READOBJS = $(BUILD)/import-formats-read.o $(BUILD)/import-archive.o \
	   $(BUILD)/import-xml.o $(BUILD)/import-fit.o $(BUILD)/fit.o \
	   $(BUILD)/import-garmin-json.o
RUNLOGOBJS = $(filter-out $(READOBJS) $(BUILD)/runlog-read.o,$(OBJS))
TESTSRCS = $(wildcard tests/test_*.c)
TESTBINS = $(patsubst tests/%.c,$(BUILD)/tests/%,$(TESTSRCS))
SCHEMA   = $(sort $(wildcard schema/*.sql))
FUZZSRCS = $(wildcard tests/fuzz/fuzz_*.c)
TRUSTBINS = $(patsubst tests/trust/%.c,$(BUILD)/tests/trust_%,$(wildcard tests/trust/*.c))
REPLAYBINS = $(patsubst tests/fuzz/fuzz_%.c,$(BUILD)/tests/replay_%,$(FUZZSRCS))
FUZZBINS = $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZSRCS))

all: $(BUILD)/runlog $(BUILD)/runlog-read

$(BUILD)/runlog: $(RUNLOGOBJS)
	$(CC) $(LDFLAGS) -Wl,--as-needed -o $@ $(RUNLOGOBJS) $(RUNLOG_LIBS)

$(BUILD)/runlog-read: $(LIBOBJS) $(BUILD)/runlog-read.o
	$(CC) $(LDFLAGS) -Wl,--as-needed -o $@ $(BUILD)/runlog-read.o $(LIBOBJS) $(LDLIBS)

$(BUILD)/%.o: src/%.c | $(BUILD) libs
	$(CC) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -c -o $@ $<

# The migrations are compiled in, in file-name order, as C strings.
$(BUILD)/schema.c: $(SCHEMA) schema/embed.sh | $(BUILD)
	sh schema/embed.sh $(SCHEMA) > $@.tmp && mv $@.tmp $@

$(BUILD)/schema.o: $(BUILD)/schema.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(LIBOBJS) | $(BUILD)/tests test-libs
	$(CC) $(CPPFLAGS) $(TEST_CFLAGS) $(CFLAGS) $(DEPFLAGS) -Itests -o $@ $< \
	    $(LIBOBJS) $(LDFLAGS) $(LDLIBS) $(TEST_LIBS)

# Helpers of the trust tests (tests/trust/): killer, batch writer.
$(BUILD)/tests/trust_%: tests/trust/%.c $(LIBOBJS) | $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -o $@ $< $(LIBOBJS) $(LDFLAGS) $(LDLIBS)

# A fuzz target replayed over files, without libFuzzer (make check).
$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c $(LIBOBJS) | $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/driver.c \
	    $(LIBOBJS) $(LDFLAGS) $(LDLIBS)

# The same target linked with libFuzzer (make fuzz, BUILD=build-fuzz).
$(BUILD)/fuzz/%: tests/fuzz/%.c $(LIBOBJS) | $(BUILD)/fuzz
	$(CC) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -fsanitize=fuzzer -Itests/fuzz -o $@ $< \
	    $(LIBOBJS) $(LDFLAGS) $(LDLIBS)

$(BUILD) $(BUILD)/tests $(BUILD)/fuzz:
	mkdir -p $@

-include $(wildcard $(BUILD)/*.d $(BUILD)/tests/*.d $(BUILD)/fuzz/*.d \
	   $(BUILD)/bench/*.d)

# Every library found before anything is compiled, or the Debian package
# that holds what is missing.
CSV_PROBE = \#include <csv.h>\nint main(void) { struct csv_parser p; return csv_init(&p, 0); }\n
libs:
	@if ! command -v $(PKG_CONFIG) >/dev/null 2>&1; then \
		echo "runlog: $(PKG_CONFIG) not found: install pkg-config (make deps does)" >&2; exit 1; fi
	@if [ -n "$(LIBS_MISSING)" ]; then \
		echo "runlog: pkg-config finds no $(call pc_names,$(LIBS_PC),$(LIBS_MISSING)):" \
		    "install $(LIBS_MISSING) (make deps does)" >&2; exit 1; fi
	@printf '$(CSV_PROBE)' | $(CC) $(CPPFLAGS) -x c -o /dev/null - -lcsv 2>/dev/null || { \
		echo "runlog: libcsv (csv.h, -lcsv) not found: install libcsv-dev (make deps does)" >&2; exit 1; }

test-libs:
	@if [ -n "$(TEST_MISSING)" ]; then \
		echo "runlog: pkg-config finds no cmocka: install $(TEST_MISSING) (make test-deps does)" >&2; exit 1; fi

# What each target needs, installed when possible, else the exact line is
# shown; tests/deps.sh lists each target's packages once.
deps:
	@sh tests/deps.sh build

test-deps:
	@sh tests/deps.sh check

hard-deps:
	@sh tests/deps.sh check-hard

package-deps:
	@sh tests/deps.sh package

# The README's first command: build, then open the journal.
run: deps
	@$(MAKE) --no-print-directory all
	./$(BUILD)/runlog $(ARGS)

# The README's second command: every test.
check: test-deps
	@$(MAKE) --no-print-directory all $(TESTBINS) $(REPLAYBINS) $(TRUSTBINS)
	@sh tests/run-tests.sh $(BUILD) $(TESTBINS)

check-asan:
	@$(MAKE) --no-print-directory check BUILD=build-asan SAN=1 CFLAGS='-O1 -g'

# libFuzzer on every parser: FUZZ_SECONDS per target (60 by default;
# FUZZ_SECONDS=5 for a quick local run), FUZZ_JOBS at once.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 2
FUZZ_CFLAGS   = -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
		-fno-sanitize-recover=all -fno-omit-frame-pointer
fuzz-build:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=$(FUZZ_CC) \
	    CFLAGS='$(FUZZ_CFLAGS)' LDFLAGS='-fsanitize=address,undefined' \
	    fuzz-bins

fuzz-bins: $(FUZZBINS)

fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) sh tests/fuzz/run.sh build-fuzz

# The slow proofs (crash, concurrency, UI under valgrind and in a real
# terminal), the manual's lint and the fuzzers; .ci/run calls it after
# make check.
check-hard: hard-deps
	@$(MAKE) --no-print-directory lint-man
	@$(MAKE) --no-print-directory all $(TESTBINS) $(REPLAYBINS) $(TRUSTBINS)
	@$(MAKE) --no-print-directory fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) sh tests/trust/run-hard.sh $(BUILD)
	@sh tests/package.sh

# The Debian package built, checked by lintian, unpacked and run; make
# install and uninstall (tests/package.sh, about a minute).
check-package: package-deps
	@sh tests/package.sh

# The lifetime benchmark: an optimised build, a generated 50-year journal,
# each figure a ratio against a reference run in the same command.
bench:
	@$(MAKE) --no-print-directory BUILD=build-bench CFLAGS='-O2 -g' \
	    build-bench/runlog build-bench/runlog-read build-bench/bench/gen \
	    build-bench/bench/analysis build-bench/bench/timeit
	@bash tests/bench/run.sh build-bench

$(BUILD)/bench/%: tests/bench/%.c $(LIBOBJS)
	@mkdir -p $(BUILD)/bench
	$(CC) $(CPPFLAGS) $(CFLAGS) $(DEPFLAGS) -o $@ $< $(LIBOBJS) $(LDFLAGS) $(LDLIBS)

lint-man:
	mandoc -Tlint -W warning man/runlog.1

# The completion scripts, written by the binary from its command table.
completions: $(BUILD)/completions/runlog $(BUILD)/completions/_runlog

$(BUILD)/completions/runlog: $(BUILD)/runlog
	@mkdir -p $(BUILD)/completions
	$(BUILD)/runlog completion bash > $@.tmp && mv $@.tmp $@

$(BUILD)/completions/_runlog: $(BUILD)/runlog
	@mkdir -p $(BUILD)/completions
	$(BUILD)/runlog completion zsh > $@.tmp && mv $@.tmp $@

# The cmocka unit tests and the completion test, with nothing installed
# and no other package needed: what the Debian package's build runs.
check-unit: test-libs
	@$(MAKE) --no-print-directory all $(TESTBINS)
	@set -e; for t in $(TESTBINS); do $$t; done
	@RUNLOG=$(BUILD)/runlog sh tests/completion.test.sh

install: $(BUILD)/runlog $(BUILD)/runlog-read completions
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBEXECDIR)/runlog $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	install -m 755 $(BUILD)/runlog $(DESTDIR)$(BINDIR)/runlog
	install -m 755 $(BUILD)/runlog-read $(DESTDIR)$(LIBEXECDIR)/runlog/runlog-read
	install -m 644 man/runlog.1 $(DESTDIR)$(MANDIR)/man1/runlog.1
	install -m 644 $(BUILD)/completions/runlog $(DESTDIR)$(BASHCOMPDIR)/runlog
	install -m 644 $(BUILD)/completions/_runlog $(DESTDIR)$(ZSHCOMPDIR)/_runlog

uninstall:
	rm -f $(DESTDIR)$(LIBEXECDIR)/runlog/runlog-read
	-rmdir $(DESTDIR)$(LIBEXECDIR)/runlog 2>/dev/null
	rm -f $(DESTDIR)$(BINDIR)/runlog $(DESTDIR)$(MANDIR)/man1/runlog.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/runlog $(DESTDIR)$(ZSHCOMPDIR)/_runlog

clean:
	rm -rf $(BUILD) build-asan build-bench build-fuzz

.PHONY: all libs test-libs deps test-deps hard-deps run check check-asan check-hard bench fuzz \
	fuzz-build fuzz-bins lint-man completions check-unit check-package package-deps install uninstall clean
