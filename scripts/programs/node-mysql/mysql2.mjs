// mysql2 (promise API): a statement that fails, the rejection uncaught.
// Usage: node mysql2.mjs HOST PORT USER PASSWORD DB SQL
import mysql from 'mysql2/promise';

const [host, port, user, password, database, sql] = process.argv.slice(2);
const conn = await mysql.createConnection({ host, port: Number(port), user, password, database });
await conn.query(sql);
await conn.end();
