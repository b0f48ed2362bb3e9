// Command sloglog runs the scenario loop and logs it with log/slog, JSON
// or text (logfmt) handler on stderr, level info, the source attached.
// Usage: sloglog json|text BASE CLOSED HANG
package main

import (
	"log/slog"
	"os"
	"time"

	"errcode-logs/scenario"
)

type sink struct{ log *slog.Logger }

func (s sink) Started(workers int, base string) {
	s.log.Info("worker started", "workers", workers, "api", base)
}
func (s sink) Health(n int)         { s.log.Info("health check passed", "error_count", n) }
func (s sink) CacheMiss(key string) { s.log.Debug("cache miss", "key", key) }
func (s sink) Handled(method, url string, status int, rid string, d time.Duration) {
	s.log.Info("request handled", "method", method, "url", url, "status", status, "request_id", rid, "duration", d)
}
func (s sink) RateLimited(url string, status int, rid, retryAfter string, attempt int) {
	s.log.Warn("rate limited, will retry", "url", url, "status", status, "request_id", rid, "retry_after", retryAfter, "attempt", attempt)
}
func (s sink) StatusError(url string, status int, rid, body string, err error, d time.Duration) {
	s.log.Error("upstream returned an error", "url", url, "status", status, "request_id", rid, "body", body, "duration", d, "err", err)
}
func (s sink) TransportError(url string, err error, attempt int, d time.Duration) {
	s.log.Error("request failed", "url", url, "attempt", attempt, "duration", d, "err", err)
}
func (s sink) RetryingAfterError(url string, attempt int) {
	s.log.Info("retrying after error", "url", url, "attempt", attempt)
}
func (s sink) PutItemFailed(table, id string, err error) {
	s.log.Error("saving order failed", "table", table, "order_id", id, "err", err)
}
func (s sink) Synced(batch, orders int) {
	s.log.Info("batch synced", "batch", batch, "orders", orders, "error", nil)
}
func (s sink) Stopped(batches int) { s.log.Info("worker stopped", "batches", batches) }

func main() {
	opts := &slog.HandlerOptions{AddSource: os.Args[1] == "json"}
	var h slog.Handler = slog.NewJSONHandler(os.Stderr, opts)
	if os.Args[1] == "text" {
		h = slog.NewTextHandler(os.Stderr, opts)
	}
	scenario.Run(sink{slog.New(h).With("service", "order-sync")}, os.Args[2], os.Args[3], os.Args[4])
}
