# rapport - build, test and install.  `make help` lists the targets.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man/man1
DOCDIR   = $(PREFIX)/share/doc/rapport

CC      ?= cc
PKGS     = ncursesw sqlite3 jansson libical
# SANITIZE=1 builds with AddressSanitizer + UndefinedBehaviorSanitizer into
# its own folder, so a sanitizer build never mixes objects with a plain one.
ifeq ($(SANITIZE),1)
BUILD   ?= build/san
SANFLAGS = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
OPT      = -O1 -g
else
BUILD   ?= build/rel
SANFLAGS =
OPT      = -O2 -g
endif

# snprintf cuts messages and screen text on purpose: its truncation warning
# would only ask for bigger buffers everywhere.
WARN     = -std=c11 -Wall -Wextra -Werror -Wshadow -Wconversion -Wno-sign-conversion \
           -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wno-format-truncation
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libical is loaded when a calendar is read or written (core/ical_lib.c),
# not linked: it brings ICU and the C++ runtime to every start
PKG_LIBS   := $(shell pkg-config --libs $(filter-out libical,$(PKGS)) 2>/dev/null)
ICAL_SONAME := $(shell objdump -p $$(pkg-config --variable=libdir libical 2>/dev/null)/libical.so \
                 2>/dev/null | awk '/SONAME/ { print $$2 }')
# what pkg-config cannot find (or pkg-config itself), said before a build
PKG_MISSING := $(shell command -v pkg-config >/dev/null 2>&1 || echo pkg-config; \
                 for p in $(PKGS); do pkg-config --exists $$p 2>/dev/null || echo $$p; done)
ALL_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I. -I/usr/include/iniparser \
               $(PKG_CFLAGS) $(if $(ICAL_SONAME),-DICAL_SONAME=$(ICAL_SONAME)) $(CPPFLAGS)
ALL_CFLAGS   = $(WARN) $(OPT) $(SANFLAGS) $(CFLAGS)
ALL_LDFLAGS  = $(SANFLAGS) $(LDFLAGS)
LIBS         = $(PKG_LIBS) -liniparser

DB_SRC   = $(wildcard db/*.c)
CORE_SRC = $(wildcard core/*.c)
TUI_SRC  = $(wildcard tui/*.c tui/screen/*.c tui/cli/*.c)
LIB_OBJ  = $(patsubst %.c,$(BUILD)/%.o,$(DB_SRC) $(CORE_SRC))
TUI_OBJ  = $(patsubst %.c,$(BUILD)/%.o,$(TUI_SRC))
# the faces without main, for the unit tests of their parts (text layout,
# keys, the line editor)
FACE_OBJ = $(filter-out $(BUILD)/tui/main.o,$(TUI_OBJ))
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

ifeq ($(SANITIZE),1)
PROG = $(BUILD)/rapport
else
PROG = rapport
endif

.PHONY: all deps test-deps run demo bench check test unit e2e install uninstall clean help fuzz fuzz-build fuzz-deps crash lint valgrind mutants mutants-sample pkg-check golden

all: $(PROG)

$(PROG): $(TUI_OBJ) $(BUILD)/librapport.a
	$(CC) $(ALL_LDFLAGS) -o $@ $(TUI_OBJ) $(BUILD)/librapport.a $(LIBS)

$(BUILD)/librapport.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $(LIB_OBJ)

$(BUILD)/libface.a: $(FACE_OBJ)
	rm -f $@ && ar rcs $@ $(FACE_OBJ)

$(BUILD)/%.o: %.c | pkg-check
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(BUILD)/libface.a $(BUILD)/librapport.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -o $@ $< $(BUILD)/libface.a $(BUILD)/librapport.a \
		$(ALL_LDFLAGS) $(LIBS) -lcmocka

-include $(LIB_OBJ:.o=.d) $(TUI_OBJ:.o=.d)

# Debian packages (the lists are in tests/install-deps.sh).
deps:
	@sh tests/install-deps.sh build

test-deps:
	@sh tests/install-deps.sh test

# Build and open the program (default database, or DB=path).
run: deps
	@$(MAKE) --no-print-directory all
	./rapport $(if $(DB),--db $(DB))

# A small made-up database to try rapport on (made once, kept in build/).
demo: deps
	@$(MAKE) --no-print-directory all
	@[ -f build/demo.db ] || ./rapport --db build/demo.db demo
	./rapport --db build/demo.db

pkg-check:
	@[ -z "$(strip $(PKG_MISSING))" ] || { echo "pkg-config finds no: $(strip $(PKG_MISSING));" \
	  "make deps installs them (Debian), or set PKG_CONFIG_PATH"; exit 1; }

unit: $(UNIT_BIN)
e2e: $(PROG)

# One build's unit and end-to-end tests; ends with "N passed, N failed".
test: $(PROG) $(UNIT_BIN)
	@sh tests/run.sh $(BUILD) $(abspath $(PROG))

# Write the golden screens of tests/e2e/test_screens.sh again, after a change
# meant to alter them (then read git diff tests/golden).
golden: $(PROG)
	@GOLDEN_UPDATE=1 RAPPORT=$(abspath $(PROG)) LC_ALL=C.UTF-8 sh tests/e2e/test_screens.sh | grep -v '^ok'

# Everything CI runs: packages, plain build + tests, sanitizer build + tests.
check: test-deps
	@sh tests/check.sh

# libFuzzer targets (clang): each importer, the date parser, the config
# reader and search queries, for FUZZ_SECONDS each, from the seeds in
# tests/fuzz/seeds (copied: the checked-in seeds stay as they are).
FUZZ_SECONDS ?= 60
FUZZERS  = date config search json ics csv
FUZZ_DIR = build/fuzz
FUZZ_CFLAGS = -g -O1 -fno-sanitize-recover=undefined
FUZZ_SAN    = address,undefined

# the library built once with the fuzzer's instrumentation, each target
# linked against it: ordinary rules, with the warning flags of every build
FUZZ_OBJ = $(patsubst %.c,$(FUZZ_DIR)/%.o,$(DB_SRC) $(CORE_SRC))
FUZZ_BIN = $(patsubst %,$(FUZZ_DIR)/fuzz_%,$(FUZZERS))

fuzz-deps:
	@sh tests/install-deps.sh fuzz

fuzz-build: fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZ_BIN)

$(FUZZ_DIR)/%.o: %.c | pkg-check
	@mkdir -p $(dir $@)
	clang $(filter-out -Wno-format-truncation,$(WARN)) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link,$(FUZZ_SAN) $(ALL_CPPFLAGS) -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/librapport.a: $(FUZZ_OBJ)
	rm -f $@ && ar rcs $@ $(FUZZ_OBJ)

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_DIR)/librapport.a
	clang $(filter-out -Wno-format-truncation,$(WARN)) $(FUZZ_CFLAGS) -fsanitize=fuzzer,$(FUZZ_SAN) $(ALL_CPPFLAGS) -Itests/fuzz -o $@ $< \
		$(FUZZ_DIR)/librapport.a $(LIBS)

-include $(FUZZ_OBJ:.o=.d)

fuzz: fuzz-build
	@for f in $(FUZZERS); do \
		rm -rf $(FUZZ_DIR)/corpus-$$f && cp -r tests/fuzz/seeds/$$f $(FUZZ_DIR)/corpus-$$f; \
		echo "== fuzz_$$f for $(FUZZ_SECONDS) s"; \
		$(FUZZ_DIR)/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -print_final_stats=1 \
		  -artifact_prefix=$(FUZZ_DIR)/crash-$$f- $(FUZZ_DIR)/corpus-$$f 2>&1 \
		  | grep -E "^(stat::number_of_executed_units|stat::peak_rss|==[0-9]+==ERROR|SUMMARY)|Done" \
		  || true; \
		ls $(FUZZ_DIR)/crash-$$f-* >/dev/null 2>&1 && { echo "fuzz_$$f found a crash"; exit 1; }; \
	done; echo "fuzzing: no crash"

# The benchmark: start-up, keys, commands and calcurse at 1k, 100k and 1M
# meetings (BENCH_SIZES to choose); the table goes to tests/bench/RESULTS.md.
bench: test-deps
	@sh tests/install-deps.sh bench
	@$(MAKE) --no-print-directory all
	@sh tests/bench/bench.sh tests/bench/RESULTS.md

# Static analysis: cppcheck and clang-tidy (.clang-tidy says which checks
# and why the few left out are); any finding fails.
LINT_SRC = $(wildcard core/*.c db/*.c tui/*.c tui/screen/*.c tui/cli/*.c)
lint:
	@cppcheck --quiet --enable=warning,portability,performance --std=c11 --inline-suppr \
	  --error-exitcode=1 --suppress=missingIncludeSystem $(ALL_CPPFLAGS) core db tui
	@echo $(LINT_SRC) | xargs -n 4 -P 2 sh -c \
	  'clang-tidy --quiet "$$@" -- -std=c11 $(ALL_CPPFLAGS) -D_XOPEN_SOURCE=600 2>/dev/null' lint
	@echo "lint: cppcheck and clang-tidy find nothing"

# The whole suite with every program run under valgrind (memcheck); errors
# and definite leaks fail it.  The crash loop is shortened (slow there).
valgrind: $(PROG) $(UNIT_BIN)
	@CRASH_RUNS=8 sh tests/run.sh $(BUILD) $(abspath $(PROG)) valgrind

# Mutation testing: each small deliberate bug of tests/mutants.txt put into
# a copy of the tree, one at a time, built, and the tests it names run; a bug
# no test catches fails the run (then the runner's own self-test).
# mutants-sample: the few marked "sample", as CI runs them.
MUTANT_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
mutants: test-deps
	@python3 tests/mutants.py --jobs $(MUTANT_JOBS)
mutants-sample: test-deps
	@python3 tests/mutants.py --sample --jobs $(MUTANT_JOBS)

# The crash loop at full length (the suite runs 40 runs of it).
CRASH_RUNS ?= 400
crash: $(PROG)
	@RAPPORT=$(abspath $(PROG)) CRASH_RUNS=$(CRASH_RUNS) sh tests/e2e/test_crash.sh

install: $(PROG)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DOCDIR)
	install -m 0755 $(PROG) $(DESTDIR)$(BINDIR)/rapport
	install -m 0644 doc/rapport.1 $(DESTDIR)$(MANDIR)/rapport.1
	install -m 0644 config.ini.example $(DESTDIR)$(DOCDIR)/config.ini.example

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/rapport $(DESTDIR)$(MANDIR)/rapport.1 \
	      $(DESTDIR)$(DOCDIR)/config.ini.example

clean:
	rm -rf build rapport

help:
	@echo "make            all: build ./rapport"
	@echo "make run        install missing packages, build, open (DB=path for another file)"
	@echo "make demo       the same, on a small made-up database (build/demo.db)"
	@echo "make deps       install the packages a build needs (Debian; test-deps: a test run's)"
	@echo "make test       unit + end-to-end tests of this build (SANITIZE=1: ASan+UBSan)"
	@echo "make unit       build the unit tests (e2e: the program the end-to-end tests drive)"
	@echo "make check      install test packages, run the tests plain and sanitized (what CI runs)"
	@echo "make valgrind   the whole suite under valgrind"
	@echo "make lint       cppcheck and clang-tidy"
	@echo "make crash      the kill -9 loop at full length (CRASH_RUNS=400)"
	@echo "make golden     write the golden screens again (tests/golden; read the diff)"
	@echo "make mutants    every mutant of tests/mutants.txt must be caught (mutants-sample: CI's few)"
	@echo "make fuzz       libFuzzer on the importers, dates, config, search (FUZZ_SECONDS=60)"
	@echo "make fuzz-build build the fuzzers (fuzz-deps: install clang)"
	@echo "make bench      the benchmark table (tests/bench/RESULTS.md)"
	@echo "make install    binary, man page, example config under PREFIX=$(PREFIX) (uninstall)"
	@echo "make clean      remove build/ and ./rapport"
	@echo "make pkg-check  say which libraries pkg-config cannot find"
	@echo "make help       this list"