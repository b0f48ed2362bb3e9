// errcode mcp driven by the TypeScript MCP SDK's client: it spawns the
// server, lists its tools and makes the calls given, and prints what it
// got as one JSON object for the Go test (../../node_test.go) to compare
// with the command line. The SDK's client checks each structured result
// against the tool's output schema (with Ajv) and throws when it does not
// match.
//
//   node e2e.mjs ERRCODE CALLS.json
import { readFileSync } from "node:fs";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [errcode, callsFile] = process.argv.slice(2);
const calls = JSON.parse(readFileSync(callsFile, "utf8"));
const transport = new StdioClientTransport({ command: errcode, args: ["mcp"], env: process.env, stderr: "inherit" });
const client = new Client({ name: "errcode-e2e", version: "1.0.0" });
await client.connect(transport);
const server = client.getServerVersion();
const { tools } = await client.listTools();
const results = [];
for (const { name, arguments: args } of calls) {
  const r = await client.callTool({ name, arguments: args });
  results.push({ isError: r.isError ?? false, structuredContent: r.structuredContent ?? null, text: r.content.map((c) => c.text) });
}
await client.close();
console.log(JSON.stringify({
  server,
  tools: tools.map((t) => ({ name: t.name, readOnly: t.annotations?.readOnlyHint ?? false, input: t.inputSchema, output: t.outputSchema ?? null })),
  results,
}));
