// Command zaplog runs the scenario loop and logs it with zap's production
// logger: JSON lines on stderr, level info (debug lines are dropped, as in
// production), a stacktrace on each error record.
// Usage: zaplog BASE CLOSED HANG
package main

import (
	"os"
	"time"

	"errcode-logs/scenario"

	"go.uber.org/zap"
)

type sink struct{ log *zap.Logger }

func (s sink) Started(workers int, base string) {
	s.log.Info("worker started", zap.Int("workers", workers), zap.String("api", base))
}
func (s sink) Health(n int)         { s.log.Info("health check passed", zap.Int("error_count", n)) }
func (s sink) CacheMiss(key string) { s.log.Debug("cache miss", zap.String("key", key)) }
func (s sink) Handled(method, url string, status int, rid string, d time.Duration) {
	s.log.Info("request handled", zap.String("method", method), zap.String("url", url), zap.Int("status", status),
		zap.String("request_id", rid), zap.Duration("duration", d))
}
func (s sink) RateLimited(url string, status int, rid, retryAfter string, attempt int) {
	s.log.Warn("rate limited, will retry", zap.String("url", url), zap.Int("status", status),
		zap.String("request_id", rid), zap.String("retry_after", retryAfter), zap.Int("attempt", attempt))
}
func (s sink) StatusError(url string, status int, rid, body string, err error, d time.Duration) {
	s.log.Error("upstream returned an error", zap.String("url", url), zap.Int("status", status),
		zap.String("request_id", rid), zap.String("body", body), zap.Duration("duration", d), zap.Error(err))
}
func (s sink) TransportError(url string, err error, attempt int, d time.Duration) {
	s.log.Error("request failed", zap.String("url", url), zap.Int("attempt", attempt), zap.Duration("duration", d), zap.Error(err))
}
func (s sink) RetryingAfterError(url string, attempt int) {
	s.log.Info("retrying after error", zap.String("url", url), zap.Int("attempt", attempt))
}
func (s sink) PutItemFailed(table, id string, err error) {
	s.log.Error("saving order failed", zap.String("table", table), zap.String("order_id", id), zap.Error(err))
}
func (s sink) Synced(batch, orders int) {
	s.log.Info("batch synced", zap.Int("batch", batch), zap.Int("orders", orders), zap.Any("error", nil))
}
func (s sink) Stopped(batches int) { s.log.Info("worker stopped", zap.Int("batches", batches)) }

func main() {
	logger, _ := zap.NewProduction()
	defer logger.Sync()
	scenario.Run(sink{logger.Named("order-sync")}, os.Args[1], os.Args[2], os.Args[3])
}
