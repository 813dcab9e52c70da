#!/bin/sh
# The Debian package: built from a copy of the tree with
# dpkg-buildpackage -us -uc -b (which runs the unit tests and the
# completion test), checked by lintian (no errors), unpacked into a
# scratch root and run from there: --version, a demo journal, show, the
# manual and the completion scripts where each shell looks. Then make
# install and make uninstall into a scratch DESTDIR and PREFIX.
# Some 60 s on two cores, most of it the package's own build and tests:
# make check-package runs it, and make check-hard (CI) after the rest.
. tests/lib.sh
for tool in dpkg-buildpackage dh lintian; do
	if ! command -v $tool >/dev/null 2>&1; then
		fail "$tool not found: make check-package installs it"
		done_tests
		exit 1
	fi
done
version=$(sed -n 's/^VERSION *= *//p' Makefile)
mkdir -p "$T/src/runlog"
tar --exclude=./.git --exclude='./build' --exclude='./build-*' \
    --exclude=./debian/build -cf - . | tar -xf - -C "$T/src/runlog"
start=$(date +%s)
if (cd "$T/src/runlog" && DEB_BUILD_OPTIONS=parallel=2 dpkg-buildpackage -us -uc -b) \
    > "$T/build.log" 2>&1; then ok; else
	fail "dpkg-buildpackage failed"; tail -40 "$T/build.log" >&2
fi
echo "package.sh: dpkg-buildpackage took $(($(date +%s) - start)) s"
# The unit tests ran inside the package build, and passed.
grep -q "override_dh_auto_test" "$T/build.log" && grep -q "PASSED" "$T/build.log" &&
    grep -q "^completion.test.sh: [0-9]* passed, 0 failed" "$T/build.log" && ok ||
    fail "the package build did not run the unit tests"
same "$(cd "$T/src/runlog" && dpkg-parsechangelog -S Version)" "$version" \
    "debian/changelog's version is not the Makefile's $version"

deb=$(ls "$T"/src/runlog_"$version"_*.deb 2>/dev/null | head -1)
if [ -n "$deb" ] && [ -f "$deb" ]; then ok; else
	fail "no runlog_${version}_*.deb was built"; done_tests; exit 1
fi
lintian --tag-display-limit 0 "$deb" "$T"/src/runlog_"$version"_*.changes > "$T/lintian" 2>&1
if grep -q "^E:" "$T/lintian"; then
	fail "lintian reports errors"; grep "^E:" "$T/lintian" >&2
else ok; fi
grep "^[WE]:" "$T/lintian" | sed 's/^/package.sh: lintian: /'

# Installed into a scratch root: every file where it belongs.
R="$T/root"
dpkg -x "$deb" "$R" || fail "dpkg -x"
[ -x "$R/usr/bin/runlog" ] && ok || fail "no executable usr/bin/runlog"
[ -x "$R/usr/libexec/runlog/runlog-read" ] && ok || fail "no executable usr/libexec/runlog/runlog-read"
for f in usr/share/man/man1/runlog.1.gz usr/share/bash-completion/completions/runlog \
    usr/share/zsh/vendor-completions/_runlog usr/share/doc/runlog/copyright; do
	[ -s "$R/$f" ] && ok || fail "the package lacks $f"
done
# README.md, compressed by dh_compress when it is over 4 kB.
ls "$R"/usr/share/doc/runlog/README.md* >/dev/null 2>&1 && ok || fail "the package lacks README.md"
if zcat "$R/usr/share/man/man1/runlog.1.gz" | cmp -s - man/runlog.1; then ok; else
	fail "the packaged manual is not man/runlog.1"; fi
dpkg-deb -f "$deb" Depends > "$T/depends"
for lib in libsqlite3 libncursesw libinih libcsv libarchive libexpat; do
	grep -q "$lib" "$T/depends" && ok || fail "Depends lacks $lib: $(cat "$T/depends")"
done

# The installed binary runs, and its scripts are what it writes now.
bin="$R/usr/bin/runlog"
expect 0 "$bin" --version
same "$(cat "$T/out")" "runlog $version" "--version of the installed binary"
expect 0 "$bin" --db "$T/j.db" demo
expect 0 "$bin" --db "$T/j.db" show
out_has "  r"
out_has "2026-11-25"
"$bin" completion bash > "$T/bash" && cmp -s "$T/bash" "$R/usr/share/bash-completion/completions/runlog" &&
    ok || fail "the installed bash completion differs from 'runlog completion bash'"
"$bin" completion zsh > "$T/zsh" && cmp -s "$T/zsh" "$R/usr/share/zsh/vendor-completions/_runlog" &&
    ok || fail "the installed zsh completion differs from 'runlog completion zsh'"
# Where each shell looks: bash-completion's loader finds the script under
# a data directory, and zsh's own fpath holds vendor-completions.
bash --norc --noprofile -c "export XDG_DATA_DIRS='$R/usr/share';
    . /usr/share/bash-completion/bash_completion; __load_completion runlog;
    complete -p runlog" 2>/dev/null | grep -q "_runlog runlog" && ok ||
    fail "bash-completion does not load the installed script"
if command -v zsh >/dev/null 2>&1; then
	zsh -fc 'print -l $fpath' | grep -qx /usr/share/zsh/vendor-completions && ok ||
	    fail "zsh's fpath lacks /usr/share/zsh/vendor-completions"
fi

# make install and make uninstall honour DESTDIR and PREFIX.
S="$T/stage"
(cd "$T/src/runlog" && make -s BUILD=debian/build install DESTDIR="$S" PREFIX=/opt/rl) \
    > "$T/out" 2>&1 || { fail "make install"; cat "$T/out" >&2; }
for f in bin/runlog libexec/runlog/runlog-read share/man/man1/runlog.1 share/bash-completion/completions/runlog \
    share/zsh/vendor-completions/_runlog; do
	[ -s "$S/opt/rl/$f" ] && ok || fail "make install did not install $f under DESTDIR/PREFIX"
done
(cd "$T/src/runlog" && make -s BUILD=debian/build uninstall DESTDIR="$S" PREFIX=/opt/rl) \
    > "$T/out" 2>&1 || { fail "make uninstall"; cat "$T/out" >&2; }
left=$(find "$S" -type f | wc -l)
same "$left" 0 "make uninstall left $left files"
done_tests
