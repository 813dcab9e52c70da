# runlog - a training and recovery journal for runners.
# Hand-written; `make`, `make run`, `make check`, `make install`.

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
MANDIR     ?= $(PREFIX)/share/man
DESTDIR    ?=
PKG_CONFIG ?= pkg-config
BUILD      ?= build
VERSION     = 0.1.0

CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CPPFLAGS += -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 -D_XOPEN_SOURCE_EXTENDED \
	    -DRUNLOG_VERSION='"$(VERSION)"' -iquote include -I$(BUILD)
ifeq ($(WERROR),1)
override CFLAGS += -Werror
endif
ifeq ($(SAN),1)
override CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
override LDFLAGS += -fsanitize=address,undefined
endif

LIBS_PC  = ncursesw sqlite3 inih
CPPFLAGS += $(shell $(PKG_CONFIG) --cflags $(LIBS_PC) 2>/dev/null)
LDLIBS   += $(shell $(PKG_CONFIG) --libs $(LIBS_PC) 2>/dev/null) -lcsv -lm
TEST_CFLAGS = $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
TEST_LIBS   = $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null)

SRCS     = $(wildcard src/*.c)
OBJS     = $(patsubst src/%.c,$(BUILD)/%.o,$(SRCS)) $(BUILD)/schema.o
LIBOBJS  = $(filter-out $(BUILD)/main.o,$(OBJS))
TESTSRCS = $(wildcard tests/test_*.c)
TESTBINS = $(patsubst tests/%.c,$(BUILD)/tests/%,$(TESTSRCS))
SCHEMA   = $(sort $(wildcard schema/*.sql))
FUZZSRCS = $(wildcard tests/fuzz/fuzz_*.c)
TRUSTBINS = $(patsubst tests/trust/%.c,$(BUILD)/tests/trust_%,$(wildcard tests/trust/*.c))
REPLAYBINS = $(patsubst tests/fuzz/fuzz_%.c,$(BUILD)/tests/replay_%,$(FUZZSRCS))
FUZZBINS = $(patsubst tests/fuzz/%.c,$(BUILD)/fuzz/%,$(FUZZSRCS))

all: $(BUILD)/runlog

$(BUILD)/runlog: $(OBJS)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

$(BUILD)/%.o: src/%.c $(wildcard include/*.h) | $(BUILD)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The migrations are compiled in, in file-name order, as C strings.
$(BUILD)/schema.c: $(SCHEMA) | $(BUILD)
	sh tests/embed-schema.sh $(SCHEMA) > $@.tmp && mv $@.tmp $@

$(BUILD)/schema.o: $(BUILD)/schema.c
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(LIBOBJS) tests/testutil.h tests/uitest.h | $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(TEST_CFLAGS) $(CFLAGS) -Itests -o $@ $< $(LIBOBJS) \
	    $(LDFLAGS) $(LDLIBS) $(TEST_LIBS)

# Helpers of the trust tests (tests/trust/): killer, batch writer.
$(BUILD)/tests/trust_%: tests/trust/%.c $(LIBOBJS) | $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIBOBJS) $(LDFLAGS) $(LDLIBS)

# A fuzz target replayed over files, without libFuzzer (make check).
$(BUILD)/tests/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c tests/fuzz/fuzz.h tests/fuzz/import.h $(LIBOBJS) | $(BUILD)/tests
	$(CC) $(CPPFLAGS) $(CFLAGS) -Itests/fuzz -o $@ $< tests/fuzz/driver.c \
	    $(LIBOBJS) $(LDFLAGS) $(LDLIBS)

# The same target linked with libFuzzer (make fuzz, BUILD=build-fuzz).
$(BUILD)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz.h tests/fuzz/import.h $(LIBOBJS) | $(BUILD)/fuzz
	$(CC) $(CPPFLAGS) $(CFLAGS) -fsanitize=fuzzer -Itests/fuzz -o $@ $< \
	    $(LIBOBJS) $(LDFLAGS) $(LDLIBS)

$(BUILD) $(BUILD)/tests $(BUILD)/fuzz:
	mkdir -p $@

# Build dependencies: installed when possible, else the exact line is shown.
deps:
	@sh tests/deps.sh build

test-deps:
	@sh tests/deps.sh test

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

# The slow proofs of issue 7 (crash, concurrency, UI under valgrind and
# in a real terminal) and the fuzzers; .ci/run calls it after make check.
check-hard: test-deps
	@$(MAKE) --no-print-directory all $(TESTBINS) $(REPLAYBINS) $(TRUSTBINS)
	@$(MAKE) --no-print-directory fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_JOBS=$(FUZZ_JOBS) sh tests/trust/run-hard.sh $(BUILD)

# The lifetime benchmark: an optimised build, a generated 50-year journal,
# each figure a ratio against a reference run in the same command.
bench:
	@$(MAKE) --no-print-directory BUILD=build-bench CFLAGS='-O2 -g' \
	    build-bench/runlog build-bench/bench/gen
	@sh tests/bench/run.sh build-bench

$(BUILD)/bench/gen: tests/bench/gen.c $(LIBOBJS)
	@mkdir -p $(BUILD)/bench
	$(CC) $(CPPFLAGS) $(CFLAGS) -o $@ $< $(LIBOBJS) $(LDFLAGS) $(LDLIBS)

lint-man:
	mandoc -Tlint -W warning man/runlog.1

install: $(BUILD)/runlog
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/runlog $(DESTDIR)$(BINDIR)/runlog
	install -m 644 man/runlog.1 $(DESTDIR)$(MANDIR)/man1/runlog.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/runlog $(DESTDIR)$(MANDIR)/man1/runlog.1

clean:
	rm -rf $(BUILD) build-asan build-bench build-fuzz

.PHONY: all deps test-deps run check check-asan check-hard bench fuzz \
	fuzz-build fuzz-bins lint-man install uninstall clean
