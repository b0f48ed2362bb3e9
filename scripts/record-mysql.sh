#!/usr/bin/env bash
# Records what MySQL and MariaDB clients print when a statement fails, into
# cmd/testdata/programs/LANG-LIB-CASE.txt, stdout and stderr together as a
# person copies them: the mariadb command-line client, PyMySQL, Go's
# go-sql-driver/mysql (scripts/programs/go/gomysql) and Node's mysql2
# (scripts/programs/node-mysql), against a throwaway MariaDB server in
# /tmp/rec/mysql (port 33066, database shop, table users with a unique
# email holding ada@example.com, user app with password app-secret), and
# a closed port. What a correct diagnosis of each file is, and which
# program and version made it, is in cmd/testdata/programs/README.md.
#
# Needs (Debian 12): apt-get install -y mariadb-server mariadb-client
# python3-pymysql; Go; node and npm (mysql2 is installed into
# /tmp/rec/node-mysql). Run as root (mariadbd runs with --user=root).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
out=$repo/cmd/testdata/programs
work=/tmp/rec
my=$work/mysql
myport=33066
mkdir -p "$out" "$work/home" "$work/bin"

rm -rf "$work/python" "$work/go"
cp -r scripts/programs/python "$work/python"
cp -r scripts/programs/go "$work/go"
(cd "$work/go" && go build -o "$work/bin/" ./gomysql)
mkdir -p "$work/node-mysql"
cp scripts/programs/node-mysql/*.mjs "$work/node-mysql/"
if ! cmp -s scripts/programs/node-mysql/package.json "$work/node-mysql/package.json" || [ ! -d "$work/node-mysql/node_modules" ]; then
	cp scripts/programs/node-mysql/package.json "$work/node-mysql/"
	(cd "$work/node-mysql" && npm install --no-audit --no-fund --loglevel=error)
fi

stop() { [ -f "$my/pid" ] && kill "$(cat "$my/pid")" 2>/dev/null && sleep 1 || true; }
stop
trap stop EXIT
rm -rf "$my"
mkdir -p "$my"
mariadb-install-db --datadir="$my/data" --user=root --auth-root-authentication-method=normal >"$my/install.log" 2>&1
# A 2-second lock wait timeout, so that a lock wait is quick to record.
mariadbd --no-defaults --datadir="$my/data" --socket="$my/s" --port=$myport --bind-address=127.0.0.1 --user=root \
	--pid-file="$my/pid" --log-error="$my/err.log" --innodb-lock-wait-timeout=2 >/dev/null 2>&1 &
for _ in $(seq 100); do mariadb --no-defaults -S "$my/s" -uroot -e "SELECT 1" >/dev/null 2>&1 && break; sleep 0.2; done
mariadb --no-defaults -S "$my/s" -uroot -e "
CREATE DATABASE shop;
CREATE TABLE shop.users (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(64) NOT NULL UNIQUE);
INSERT INTO shop.users (email) VALUES ('ada@example.com'), ('grace@example.com');
CREATE USER 'app'@'127.0.0.1' IDENTIFIED BY 'app-secret';
GRANT ALL ON shop.* TO 'app'@'127.0.0.1';"

clean=(env -i PATH=/usr/local/go/bin:/usr/bin:/bin HOME=$work/home LANG=C.UTF-8)
rec() { # rec NAME command... : stdout and stderr together, as a person pipes them
	local name=$1
	shift
	(cd "$work" && "${clean[@]}" "$@") >"$out/$name" 2>&1 || true
	echo "recorded $name ($(wc -c <"$out/$name") bytes)"
}

dup="INSERT INTO users (email) VALUES ('ada@example.com')"
missing="SELECT * FROM orders"
cli=(mariadb --no-defaults -h 127.0.0.1 -P $myport -u app -papp-secret shop)
rec cli-mariadb-dup.txt "${cli[@]}" -e "$dup"
rec cli-mariadb-no-table.txt "${cli[@]}" -e "$missing"
rec cli-mariadb-access-denied.txt mariadb --no-defaults -h 127.0.0.1 -P $myport -u app -pwrong shop -e "SELECT 1"
rec cli-mariadb-refused.txt mariadb --no-defaults -h 127.0.0.1 -P 1 -u app -papp-secret shop -e "SELECT 1"
# A deadlock: two transactions lock the two rows in opposite orders; the
# first has written more, so InnoDB rolls back the second (the recorded one).
(cd "$work" && "${clean[@]}" "${cli[@]}" -e "BEGIN; INSERT INTO users (email) VALUES ('x1@example.com'), ('x2@example.com'), ('x3@example.com'); UPDATE users SET email='a1@example.com' WHERE id=1; DO SLEEP(1); UPDATE users SET email='g1@example.com' WHERE id=2; DO SLEEP(1); ROLLBACK;") >/dev/null 2>&1 &
first=$!
sleep 0.3
rec cli-mariadb-deadlock.txt "${cli[@]}" -e "BEGIN; UPDATE users SET email='g2@example.com' WHERE id=2; UPDATE users SET email='a2@example.com' WHERE id=1; ROLLBACK;"
wait "$first" || true

py=(python3)
p=$work/python
rec python-pymysql-dup.txt "${py[@]}" "$p/pymysql_error.py" 127.0.0.1 $myport app app-secret shop "$dup"
rec python-pymysql-no-table.txt "${py[@]}" "$p/pymysql_error.py" 127.0.0.1 $myport app app-secret shop "$missing"
rec python-pymysql-refused.txt "${py[@]}" "$p/pymysql_error.py" 127.0.0.1 1 app app-secret shop "SELECT 1"

dsn="app:app-secret@tcp(127.0.0.1:$myport)/shop"
rec go-mysql-dup.txt "$work/bin/gomysql" "$dsn" "$dup"
rec go-mysql-no-table.txt "$work/bin/gomysql" "$dsn" "$missing"
rec go-mysql-access-denied.txt "$work/bin/gomysql" "app:wrong@tcp(127.0.0.1:$myport)/shop" "SELECT 1"
rec go-mysql-refused.txt "$work/bin/gomysql" "app:app-secret@tcp(127.0.0.1:1)/shop" "SELECT 1"

rec node-mysql2-dup.txt node "$work/node-mysql/mysql2.mjs" 127.0.0.1 $myport app app-secret shop "$dup"
rec node-mysql2-no-table.txt node "$work/node-mysql/mysql2.mjs" 127.0.0.1 $myport app app-secret shop "$missing"
