# psycopg2: a statement that fails, uncaught. Usage: psycopg2_error.py DSN SQL
import sys

import psycopg2

conn = psycopg2.connect(sys.argv[1])
with conn, conn.cursor() as cur:
    cur.execute(sys.argv[2])
