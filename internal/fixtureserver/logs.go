package main

// logsReplies answer the services that scripts/record-logs.sh runs: most of
// their calls succeed, so their logs have the info lines a real log has
// between its errors. A service asks for /sdk/logs/orders/ID (any ID).
var logsReplies = map[string]reply{
	"/logs/orders": {200, []string{"Content-Type: application/json", "X-Request-Id: req_ok_orders"},
		`{"id":"o-1","status":"paid","items":2}`},
}

func init() {
	for path, r := range logsReplies {
		replies[path] = r
	}
}
