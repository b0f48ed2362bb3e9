// Package scenario is the loop the logging services under
// scripts/programs/logs/go run: a worker that syncs orders through an HTTP
// API and DynamoDB, most calls succeeding, some failing, each outcome
// handed to a Sink that logs it with one logger. The calls are real (the
// fixture server, a closed port, a port that never answers), so the errors
// logged are the values net/http and aws-sdk-go-v2 return.
//
// The loop, the same in the Python and Node services: a start line, a
// health line (info, error_count=0), then 5 batches; in each, 6 orders
// fetched (a debug line and an info line each), one rate-limited call (a
// warn on the first 429, an error on the second), in batches 1-3 a call to
// a closed port (an error), an info "retrying after error" and the retry
// that succeeds, in batches 2 and 4 a DynamoDB PutItem that is throttled
// (an error), in batches 3 and 5 a call that times out (an error), and an
// info line carrying error=nil; then a stop line. Error-level records: 5
// status 429, 3 refused, 2 ThrottlingException, 2 timeouts.
package scenario

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Sink logs each outcome; each service implements it with its logger.
type Sink interface {
	Started(workers int, base string)
	Health(errorCount int)                                                                  // info; error_count=0
	CacheMiss(key string)                                                                   // debug
	Handled(method, url string, status int, requestID string, d time.Duration)              // info
	RateLimited(url string, status int, requestID, retryAfter string, attempt int)          // warn
	StatusError(url string, status int, requestID, body string, err error, d time.Duration) // error
	TransportError(url string, err error, attempt int, d time.Duration)                     // error
	RetryingAfterError(url string, attempt int)                                             // info
	PutItemFailed(table, orderID string, err error)                                         // error
	Synced(batch, orders int)                                                               // info, error=nil
	Stopped(batches int)
}

// Run runs the loop against the fixture server at base, a closed port and
// a port that never answers (base URLs).
func Run(s Sink, base, closed, hang string) {
	client := &http.Client{Timeout: time.Second}
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	ddb := dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) { o.BaseEndpoint = aws.String(base + "/sdk/dynamodb/throttle") })

	get := func(url string) (*http.Response, string, time.Duration, error) {
		start := time.Now()
		req, _ := http.NewRequest("GET", url, nil)
		req.Header.Set("Authorization", "Bearer sk_test_fixture")
		resp, err := client.Do(req)
		if err != nil {
			return nil, "", time.Since(start), err
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp, string(body), time.Since(start), nil
	}
	fetch := func(url string) { // an order: expected to succeed
		resp, body, d, err := get(url)
		switch {
		case err != nil:
			s.TransportError(url, err, 1, d)
		case resp.StatusCode >= 400:
			s.StatusError(url, resp.StatusCode, resp.Header.Get("X-Request-Id"), body, fmt.Errorf("GET %s: unexpected status %s", url, resp.Status), d)
		default:
			s.Handled("GET", url, resp.StatusCode, resp.Header.Get("X-Request-Id"), d)
		}
	}

	s.Started(1, base)
	s.Health(0)
	for b := 1; b <= 5; b++ {
		for i := 1; i <= 6; i++ {
			id := fmt.Sprintf("o-%d%d", b, i)
			s.CacheMiss("order:" + id)
			fetch(base + "/sdk/logs/orders/" + id)
			time.Sleep(40 * time.Millisecond)
		}
		rl := base + "/wontopos/ratelimit"
		for attempt := 1; attempt <= 2; attempt++ {
			resp, body, d, err := get(rl)
			if err != nil {
				s.TransportError(rl, err, attempt, d)
				break
			}
			if attempt == 1 {
				s.RateLimited(rl, resp.StatusCode, resp.Header.Get("X-Request-Id"), resp.Header.Get("Retry-After"), attempt)
				time.Sleep(100 * time.Millisecond)
				continue
			}
			s.StatusError(rl, resp.StatusCode, resp.Header.Get("X-Request-Id"), body, fmt.Errorf("GET %s: unexpected status %s", rl, resp.Status), d)
		}
		if b <= 3 {
			u := closed + "/v1/orders/sync"
			_, _, d, err := get(u)
			if err != nil {
				s.TransportError(u, err, 1, d)
			}
			s.RetryingAfterError(base+"/sdk/logs/orders/replica", 2)
			fetch(base + "/sdk/logs/orders/replica")
		}
		if b == 2 || b == 4 {
			id := fmt.Sprintf("o-%d1", b)
			_, err := ddb.PutItem(ctx, &dynamodb.PutItemInput{
				TableName: aws.String("orders"),
				Item:      map[string]types.AttributeValue{"id": &types.AttributeValueMemberS{Value: id}},
			})
			if err != nil {
				s.PutItemFailed("orders", id, err)
			}
		}
		if b == 3 || b == 5 {
			u := hang + "/v1/inventory"
			_, _, d, err := get(u)
			if err != nil {
				s.TransportError(u, err, 1, d)
			}
		}
		s.Synced(b, 6)
		time.Sleep(150 * time.Millisecond)
	}
	s.Stopped(5)
}
