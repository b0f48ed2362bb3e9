# PyMySQL: a statement that fails, uncaught. Usage: pymysql_error.py HOST PORT USER PASSWORD DB SQL
import sys

import pymysql

host, port, user, password, db, sql = sys.argv[1:7]
conn = pymysql.connect(host=host, port=int(port), user=user, password=password, database=db or None)
with conn.cursor() as cur:
    cur.execute(sql)
conn.commit()
