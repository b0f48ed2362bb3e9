#!/usr/bin/env python3
"""Ask SQLite's library for the message of each result code (sqlite3_errstr).

Usage: sqlite-errstr.py catalog/testdata/facts/sqlite-sqlite3.h.txt PACKAGE [LIBRARY]
Writes catalog/testdata/facts/sqlite-errstr.tsv's content to stdout: a
header naming the library's version and source id (which must be the
header's: the script refuses a library of another version), then one line
per result code of the header's extract, "NUMBER<TAB>NAME<TAB>MESSAGE", the
message exactly as sqlite3_errstr returns it. LIBRARY defaults to the
system's libsqlite3 (Debian: libsqlite3-0, with libsqlite3-dev of the same
version for the header).
"""
import ctypes, ctypes.util, re, sys

header, package = sys.argv[1], sys.argv[2]
lib = ctypes.CDLL(sys.argv[3] if len(sys.argv) > 3 else ctypes.util.find_library("sqlite3"))
for f in ("sqlite3_errstr", "sqlite3_libversion", "sqlite3_sourceid"):
    getattr(lib, f).restype = ctypes.c_char_p

text = open(header).read()
version = re.search(r'^#define SQLITE_VERSION\s+"([0-9.]+)"', text, re.M).group(1)
libversion = lib.sqlite3_libversion().decode()
if libversion != version:
    sys.exit(f"sqlite-errstr.py: the library is SQLite {libversion}, the header {version}")

primary, codes = {}, []
for line in text.splitlines():
    m = re.match(r"#define (SQLITE_[A-Z_]+) +\((SQLITE_[A-Z]+) *\| *\((\d+)<<8\)\)", line)
    if m:
        codes.append((primary[m.group(2)] | int(m.group(3)) << 8, m.group(1)))
        continue
    m = re.match(r"#define (SQLITE_[A-Z]+) +(\d+)\b", line)
    if m:
        primary[m.group(1)] = int(m.group(2))
        codes.append((int(m.group(2)), m.group(1)))

print(f"# errcode fact file: the message SQLite's sqlite3_errstr() returns for each result code.")
print(f"# Source:  SQLite {libversion} (source id {lib.sqlite3_sourceid().decode()}),")
print(f"#          the shared library of {package},")
print(f"#          asked by scripts/facts/sqlite-errstr.py (ctypes) for each code of sqlite-sqlite3.h.txt.")
print(f"# Licence: public domain. An extended code's message is its primary code's unless SQLite has its own;")
print(f'#          "unknown error" is what it returns for a code it has no message for.')
print(f"# Format:  NUMBER<TAB>NAME<TAB>MESSAGE")
for number, name in codes:
    print(f"{number}\t{name}\t{lib.sqlite3_errstr(number).decode()}")
