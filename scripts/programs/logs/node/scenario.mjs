// The loop the Node logging services run (the same as the Go and Python
// ones, scripts/programs/logs/go/scenario): a worker that syncs orders
// through an HTTP API (fetch or axios) and DynamoDB (AWS SDK v3), most
// calls succeeding, some failing, each outcome handed to a sink that logs
// it with one logger. The errors logged are the values the libraries threw.
//
// A start line, a health line (info, error_count=0), then 5 batches; in
// each, 6 orders fetched (a debug line and an info line each), one
// rate-limited call (a warn on the first 429, an error on the second), in
// batches 1-3 a call to a closed port (an error), an info "retrying after
// error" and the retry that succeeds, in batches 2 and 4 a DynamoDB PutItem
// that is throttled (an error), in batches 3 and 5 a call that times out
// (an error), and an info line carrying error: null; then a stop line.
// Error-level records: 5 status 429, 3 refused, 2 ThrottlingException,
// 2 timeouts.
import axios from 'axios';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const headers = { authorization: 'Bearer sk_test_fixture' };

// get returns { status, requestId, retryAfter, body, ms } for any status,
// or throws what the client threw; a 4xx/5xx is thrown as the client does
// it (axios) or as code using fetch usually does (an Error naming it).
async function getFetch(url) {
  const start = performance.now();
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(1000) });
  const body = await res.text();
  const out = { status: res.status, requestId: res.headers.get('x-request-id'), retryAfter: res.headers.get('retry-after'), body, ms: Math.round(performance.now() - start) };
  if (!res.ok) {
    const err = new Error(`GET ${url} failed: ${res.status} ${res.statusText}`);
    err.response = out;
    throw err;
  }
  return out;
}

async function getAxios(url) {
  const start = performance.now();
  try {
    const res = await axios.get(url, { headers, timeout: 1000, responseType: 'text' });
    return { status: res.status, requestId: res.headers['x-request-id'], retryAfter: res.headers['retry-after'], body: res.data, ms: Math.round(performance.now() - start) };
  } catch (err) {
    if (err.response) {
      err.response.requestId = err.response.headers['x-request-id'];
      err.response.retryAfter = err.response.headers['retry-after'];
    }
    throw err;
  }
}

export async function run(sink, client, [base, closed, hang]) {
  const get = client === 'axios' ? getAxios : getFetch;
  const ddb = new DynamoDBClient({ region: 'us-east-1', endpoint: base + '/sdk/dynamodb/throttle' });
  const fetchOrder = async (url) => {
    const start = performance.now();
    try {
      const r = await get(url);
      sink.handled('GET', url, r.status, r.requestId, r.ms);
    } catch (err) {
      sink.failed(url, err, 1, Math.round(performance.now() - start));
    }
  };

  sink.started(1, base);
  sink.health(0);
  for (let b = 1; b <= 5; b++) {
    for (let i = 1; i <= 6; i++) {
      const id = `o-${b}${i}`;
      sink.cacheMiss(`order:${id}`);
      await fetchOrder(`${base}/sdk/logs/orders/${id}`);
      await sleep(40);
    }
    const rl = `${base}/wontopos/ratelimit`;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const start = performance.now();
      try {
        await get(rl);
      } catch (err) {
        if (!err.response) {
          sink.failed(rl, err, attempt, Math.round(performance.now() - start));
          break;
        }
        if (attempt === 1) {
          sink.rateLimited(rl, err.response.status, err.response.requestId, err.response.retryAfter, attempt);
          await sleep(100);
          continue;
        }
        sink.statusError(rl, err, Math.round(performance.now() - start));
      }
    }
    if (b <= 3) {
      await fetchOrder(`${closed}/v1/orders/sync`);
      sink.retryingAfterError(`${base}/sdk/logs/orders/replica`, 2);
      await fetchOrder(`${base}/sdk/logs/orders/replica`);
    }
    if (b === 2 || b === 4) {
      const id = `o-${b}1`;
      try {
        await ddb.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: id } } }));
      } catch (err) {
        sink.putItemFailed('orders', id, err);
      }
    }
    if (b === 3 || b === 5) {
      await fetchOrder(`${hang}/v1/inventory`);
    }
    sink.synced(b, 6);
    await sleep(150);
  }
  sink.stopped(5);
}
