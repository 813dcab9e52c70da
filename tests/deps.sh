#!/bin/sh
# Checks what runlog needs to build ("build") or to test ("test"), and
# installs what is missing with apt-get when it can (as root, or with a
# password-less sudo). Otherwise it prints the exact line to run.
set -u
mode=${1:-build}
missing=""

need_pc() { pkg-config --exists "$1" 2>/dev/null || missing="$missing $2"; }
need_h()  { [ -f "/usr/include/$1" ] || missing="$missing $2"; }
need_bin() { command -v "$1" >/dev/null 2>&1 || missing="$missing $2"; }

need_bin cc gcc
need_bin make make
need_bin pkg-config pkg-config
need_pc ncursesw libncurses-dev
need_pc sqlite3 libsqlite3-dev
need_pc inih libinih-dev
need_h csv.h libcsv-dev
if [ "$mode" = test ]; then
	need_pc cmocka libcmocka-dev
	need_bin tmux tmux
	need_bin sqlite3 sqlite3
	need_bin mandoc mandoc
	need_bin strace strace
	need_bin valgrind valgrind
	need_bin clang clang
	# libFuzzer's runtime, for make check-hard.
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a \
	    >/dev/null 2>&1 || missing="$missing libclang-rt-dev"
fi

[ -z "$missing" ] && exit 0

line="apt-get install -y$missing"
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo "
else
	echo "runlog needs:$missing" >&2
	echo "Install them with:  sudo apt-get update && sudo $line" >&2
	exit 1
fi
echo "Installing:$missing" >&2
if ! { ${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}$line >/dev/null; }; then
	echo "runlog: the install failed; run:  sudo apt-get update && sudo $line" >&2
	exit 1
fi
