#!/bin/sh
# Turns schema/NNN-name.sql files into a C array of migration scripts,
# in the order given (the Makefile sorts them by name).
set -eu
printf '/* Generated from the schema directory by schema/embed.sh. */\n'
printf '#include <stddef.h>\n'
printf 'const char *const schema_migrations[] = {\n'
for f in "$@"; do
	printf '\t/* %s */\n' "$f"
	sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/\t"/' -e 's/$/\\n"/' "$f"
	printf '\t,\n'
done
printf '\tNULL\n};\n'
printf 'const int schema_migration_count = %d;\n' "$#"
