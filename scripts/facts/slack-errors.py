#!/usr/bin/env python3
"""Count how many Web API methods name each error in slackapi/slack-api-specs.

Usage: slack-errors.py web-api/slack_web_openapi_v2_without_examples.json COMMIT
Writes catalog/testdata/facts/slack-web-errors.txt's content to stdout: one
line per error, "COUNT ERROR", most common first. The slack catalog carries
the errors most methods share (see catalog/facts_test.go).
"""
import collections, json, sys

spec = json.load(open(sys.argv[1]))
counts, methods = collections.Counter(), 0

def errors(node, out):
    if isinstance(node, dict):
        props = node.get("properties")
        if isinstance(props, dict) and isinstance(props.get("error"), dict):
            out.update(props["error"].get("enum", []))
        for v in node.values():
            errors(v, out)
    elif isinstance(node, list):
        for v in node:
            errors(v, out)

for ops in spec["paths"].values():
    for op in ops.values():
        if isinstance(op, dict):
            methods += 1
            named = set()
            errors(op.get("responses", {}), named)
            counts.update(named)

print(f"# slackapi/slack-api-specs (MIT) web-api/slack_web_openapi_v2_without_examples.json, commit {sys.argv[2]}:")
print(f"# how many of its {methods} methods name each error (scripts/facts/slack-errors.py). COUNT ERROR:")
for name, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
    print(n, name)
