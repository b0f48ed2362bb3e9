"""The loop the Python logging services run (the same as the Go and Node
ones, scripts/programs/logs/go/scenario): a worker that syncs orders
through an HTTP API (requests) and DynamoDB (boto3), most calls succeeding,
some failing, each outcome handed to a sink that logs it with one logger.

A start line, a health line (info, error_count=0), then 5 batches; in each,
6 orders fetched (a debug line and an info line each), one rate-limited
call (a warn on the first 429, an error on the second), in batches 1-3 a
call to a closed port (an error), an info "retrying after error" and the
retry that succeeds, in batches 2 and 4 a DynamoDB PutItem that is
throttled (an error), in batches 3 and 5 a call that times out (an error),
and an info line carrying error=None; then a stop line. Error-level
records: 5 status 429, 3 refused, 2 ThrottlingException, 2 timeouts.

Usage: run(sink, BASE, CLOSED, HANG). Each sink method that handles a
failure is called inside the except block, so it can log the exception.
"""
import time

import boto3
import requests
from botocore.config import Config


def run(sink, base, closed, hang):
    session = requests.Session()
    session.headers["Authorization"] = "Bearer sk_test_fixture"
    ddb = boto3.client(
        "dynamodb",
        region_name="us-east-1",
        endpoint_url=base + "/sdk/dynamodb/throttle",
        config=Config(retries={"max_attempts": 3, "mode": "standard"}),
    )

    def fetch(url):
        start = time.monotonic()
        try:
            resp = session.get(url, timeout=1)
            resp.raise_for_status()
        except requests.RequestException as e:
            sink.failed(url, e, 1, time.monotonic() - start)
            return
        sink.handled("GET", url, resp.status_code, resp.headers.get("X-Request-Id"), time.monotonic() - start)

    sink.started(1, base)
    sink.health(0)
    for b in range(1, 6):
        for i in range(1, 7):
            oid = f"o-{b}{i}"
            sink.cache_miss("order:" + oid)
            fetch(f"{base}/sdk/logs/orders/{oid}")
            time.sleep(0.04)
        rl = base + "/wontopos/ratelimit"
        for attempt in (1, 2):
            start = time.monotonic()
            try:
                resp = session.get(rl, timeout=1)
                if attempt == 1 and resp.status_code == 429:
                    sink.rate_limited(rl, resp.status_code, resp.headers.get("X-Request-Id"), resp.headers.get("Retry-After"), attempt)
                    time.sleep(0.1)
                    continue
                resp.raise_for_status()
            except requests.HTTPError as e:
                sink.status_error(rl, e, time.monotonic() - start)
            except requests.RequestException as e:
                sink.failed(rl, e, attempt, time.monotonic() - start)
        if b <= 3:
            fetch(closed + "/v1/orders/sync")
            sink.retrying_after_error(base + "/sdk/logs/orders/replica", 2)
            fetch(base + "/sdk/logs/orders/replica")
        if b in (2, 4):
            oid = f"o-{b}1"
            try:
                ddb.put_item(TableName="orders", Item={"id": {"S": oid}})
            except Exception as e:
                sink.put_item_failed("orders", oid, e)
        if b in (3, 5):
            fetch(hang + "/v1/inventory")
        sink.synced(b, 6)
        time.sleep(0.15)
    sink.stopped(5)
