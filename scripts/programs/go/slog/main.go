// Command slog GETs a URL and logs the failure with log/slog, as a
// service would: a JSON or text handler on stderr.
// Usage: slog json|text URL
package main

import (
	"io"
	"log/slog"
	"net/http"
	"os"
	"time"
)

func main() {
	var h slog.Handler = slog.NewJSONHandler(os.Stderr, nil)
	if os.Args[1] == "text" {
		h = slog.NewTextHandler(os.Stderr, nil)
	}
	logger := slog.New(h).With("service", "billing-sync")
	url := os.Args[2]
	client := &http.Client{Timeout: time.Second}
	start := time.Now()
	resp, err := client.Get(url)
	if err != nil {
		logger.Error("request failed", "method", "GET", "url", url, "err", err)
		os.Exit(1)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 400 {
		logger.Error("upstream returned an error",
			"method", "GET", "url", url, "status", resp.StatusCode,
			"request_id", resp.Header.Get("X-Request-Id"), "retry_after", resp.Header.Get("Retry-After"),
			"body", string(body), "duration", time.Since(start).Round(time.Millisecond))
		os.Exit(1)
	}
}
