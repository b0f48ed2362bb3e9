// Node's fetch (undici), uncaught: `node fetch.mjs URL`. With "check", the
// status is checked as most code does and an Error thrown.
const [url, mode] = process.argv.slice(2);
const res = await fetch(url, { headers: { authorization: 'Bearer sk_test_fixture' } });
if (mode === 'check' && !res.ok) {
  throw new Error(`Request failed: ${res.status} ${res.statusText}: ${await res.text()}`);
}
console.log(await res.text());
