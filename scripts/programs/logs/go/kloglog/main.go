// Command kloglog runs the scenario loop and logs it with klog/v2 as a
// Kubernetes component does: its default header (Lmmdd hh:mm:ss.uuuuuu
// threadid file:line]) on stderr, structured calls (InfoS, ErrorS) and a
// printf-style one, verbosity 2 so that V(2) lines show.
// Usage: kloglog BASE CLOSED HANG
package main

import (
	"flag"
	"time"

	"errcode-logs/scenario"

	"k8s.io/klog/v2"
)

type sink struct{}

func (sink) Started(workers int, base string) {
	klog.InfoS("Starting order-sync controller", "workers", workers, "api", base)
}
func (sink) Health(n int)         { klog.InfoS("Health check passed", "error_count", n) }
func (sink) CacheMiss(key string) { klog.V(4).InfoS("Cache miss", "key", key) }
func (sink) Handled(method, url string, status int, rid string, d time.Duration) {
	klog.V(2).InfoS("Request handled", "method", method, "url", url, "status", status, "requestID", rid, "duration", d)
}
func (sink) RateLimited(url string, status int, rid, retryAfter string, attempt int) {
	klog.Warningf("Rate limited by %s (status %d, request id %s), retrying after %s, attempt %d", url, status, rid, retryAfter, attempt)
}
func (sink) StatusError(url string, status int, rid, body string, err error, d time.Duration) {
	klog.ErrorS(err, "Upstream returned an error", "url", url, "status", status, "requestID", rid, "body", body, "duration", d)
}
func (sink) TransportError(url string, err error, attempt int, d time.Duration) {
	klog.Errorf("Failed to sync orders from %s (attempt %d): %v", url, attempt, err)
}
func (sink) RetryingAfterError(url string, attempt int) {
	klog.InfoS("Retrying after error", "url", url, "attempt", attempt)
}
func (sink) PutItemFailed(table, id string, err error) {
	klog.ErrorS(err, "Saving order failed", "table", table, "orderID", id)
}
func (sink) Synced(batch, orders int) {
	klog.InfoS("Batch synced", "batch", batch, "orders", orders, "error", nil)
}
func (sink) Stopped(batches int) {
	klog.InfoS("Shutting down order-sync controller", "batches", batches)
}

func main() {
	klog.InitFlags(nil)
	flag.Set("v", "2")
	flag.Parse()
	defer klog.Flush()
	scenario.Run(sink{}, flag.Arg(0), flag.Arg(1), flag.Arg(2))
}
