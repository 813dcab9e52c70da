#!/bin/sh
# Checks what one make target needs and installs what is missing with
# apt-get when it can (as root, or with a password-less sudo); otherwise it
# prints the exact line to run. Each target's packages are listed once;
# a target needs its own and those of the targets it builds on:
#   build       make, make run: the compiler and the libraries
#   check       make check, make check-asan: cmocka, and the tools the
#               shell tests run (tmux for the UI, the sqlite3 shell,
#               strace for the privacy test, zsh for its completion)
#   package     make check-package: what builds and checks the Debian
#               package (dpkg-buildpackage, debhelper, lintian) and the
#               loader that finds its bash completion (bash-completion)
#   check-hard  make check-hard, which also checks the package: clang
#               and libFuzzer's runtime for the fuzzers, valgrind for
#               the UI under it, mandoc for the manual's lint
set -u
mode=${1:-build}
missing=""

need_pc()  { pkg-config --exists "$1" 2>/dev/null || missing="$missing $2"; }
need_h()   { [ -f "/usr/include/$1" ] || missing="$missing $2"; }
need_bin() { command -v "$1" >/dev/null 2>&1 || missing="$missing $2"; }
need_deb() { dpkg -s "$1" 2>/dev/null | grep -q "^Status: install ok installed" || missing="$missing $1"; }

build() {
	need_bin cc gcc
	need_bin make make
	need_bin pkg-config pkg-config
	need_pc ncursesw libncurses-dev
	need_pc sqlite3 libsqlite3-dev
	need_pc inih libinih-dev
	need_pc expat libexpat1-dev
	need_pc yajl libyajl-dev
	need_pc libarchive libarchive-dev
	need_h csv.h libcsv-dev
}
check() {
	need_pc cmocka libcmocka-dev
	need_bin tmux tmux
	need_bin sqlite3 sqlite3
	need_bin strace strace
	need_bin zsh zsh
	need_bin python3 python3
}
package() {
	need_deb build-essential
	need_bin dpkg-buildpackage dpkg-dev
	need_bin dh debhelper
	need_bin lintian lintian
	[ -f /usr/share/bash-completion/bash_completion ] ||
	    missing="$missing bash-completion"
}
check_hard() {
	need_bin clang clang
	ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a \
	    >/dev/null 2>&1 || missing="$missing libclang-rt-dev"
	need_bin valgrind valgrind
	need_bin mandoc mandoc
}

case $mode in
build)      build ;;
check)      build; check ;;
package)    build; check; package ;;
check-hard) build; check; package; check_hard ;;
*)          echo "usage: sh tests/deps.sh build|check|package|check-hard" >&2; exit 2 ;;
esac
[ -z "$missing" ] && exit 0

# Another apt or dpkg (unattended upgrades on a fresh machine) may hold the
# lock: wait for it up to five minutes instead of failing.
apt="apt-get -o DPkg::Lock::Timeout=300"
line="$apt install -y$missing"
if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo "
else
	echo "runlog needs:$missing" >&2
	echo "Install them with:  sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
echo "Installing:$missing" >&2
if ! { ${sudo}$apt update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}$line >/dev/null; }; then
	echo "runlog: the install failed; run:  sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi
