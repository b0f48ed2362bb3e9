// Command logruslog runs the scenario loop and logs it with logrus: its
// text formatter as when piped (no colours, key=value), or its JSON
// formatter; level debug, on stderr.
// Usage: logruslog text|json BASE CLOSED HANG
package main

import (
	"os"
	"time"

	"errcode-logs/scenario"

	"github.com/sirupsen/logrus"
)

type sink struct{ log *logrus.Entry }

func (s sink) Started(workers int, base string) {
	s.log.WithFields(logrus.Fields{"workers": workers, "api": base}).Info("worker started")
}
func (s sink) Health(n int)         { s.log.WithField("error_count", n).Info("health check passed") }
func (s sink) CacheMiss(key string) { s.log.WithField("key", key).Debug("cache miss") }
func (s sink) Handled(method, url string, status int, rid string, d time.Duration) {
	s.log.WithFields(logrus.Fields{"method": method, "url": url, "status": status, "request_id": rid, "duration": d}).Info("request handled")
}
func (s sink) RateLimited(url string, status int, rid, retryAfter string, attempt int) {
	s.log.WithFields(logrus.Fields{"url": url, "status": status, "request_id": rid, "retry_after": retryAfter, "attempt": attempt}).Warn("rate limited, will retry")
}
func (s sink) StatusError(url string, status int, rid, body string, err error, d time.Duration) {
	s.log.WithError(err).WithFields(logrus.Fields{"url": url, "status": status, "request_id": rid, "body": body, "duration": d}).Error("upstream returned an error")
}
func (s sink) TransportError(url string, err error, attempt int, d time.Duration) {
	s.log.WithError(err).WithFields(logrus.Fields{"url": url, "attempt": attempt, "duration": d}).Error("request failed")
}
func (s sink) RetryingAfterError(url string, attempt int) {
	s.log.WithFields(logrus.Fields{"url": url, "attempt": attempt}).Info("retrying after error")
}
func (s sink) PutItemFailed(table, id string, err error) {
	s.log.WithError(err).WithFields(logrus.Fields{"table": table, "order_id": id}).Error("saving order failed")
}
func (s sink) Synced(batch, orders int) {
	s.log.WithFields(logrus.Fields{"batch": batch, "orders": orders, "error": nil}).Info("batch synced")
}
func (s sink) Stopped(batches int) { s.log.WithField("batches", batches).Info("worker stopped") }

func main() {
	log := logrus.New()
	log.SetOutput(os.Stderr)
	log.SetLevel(logrus.DebugLevel)
	if os.Args[1] == "json" {
		log.SetFormatter(&logrus.JSONFormatter{})
	} else {
		log.SetFormatter(&logrus.TextFormatter{DisableColors: true, FullTimestamp: true})
	}
	scenario.Run(sink{log.WithField("service", "order-sync")}, os.Args[2], os.Args[3], os.Args[4])
}
