// Package loggen writes a long log for errcode's benchmarks: zap's
// production JSON, mostly info records of a service handling requests,
// with an error record every errEvery lines, each one of the errors real
// programs logged in cmd/testdata/programs (a 429 with its body, a refused
// connection, DynamoDB's throttling, a 503). It is deterministic: the same
// size gives the same bytes.
package loggen

import (
	"bufio"
	"fmt"
	"io"
)

// ErrEvery is how many lines come per error record.
const ErrEvery = 1500

var errorRecords = []string{
	`{"level":"error","ts":%d.%06d,"caller":"billing/sync.go:32","msg":"upstream returned an error","url":"http://127.0.0.1:18280/wontopos/ratelimit","status":429,"request_id":"req_abc123","body":"{\"error\":{\"code\":\"rate_limit_exceeded\",\"message\":\"Too many requests. Please retry after 60 seconds.\",\"status\":429,\"request_id\":\"req_abc123\"}}","error":"unexpected status 429 Too Many Requests"}`,
	`{"level":"error","ts":%d.%06d,"caller":"billing/sync.go:26","msg":"request failed","url":"http://127.0.0.1:1/v1/things","error":"Get \"http://127.0.0.1:1/v1/things\": dial tcp 127.0.0.1:1: connect: connection refused"}`,
	`{"level":"error","ts":%d.%06d,"caller":"store/put.go:51","msg":"put item failed","table":"orders","error":"operation error DynamoDB: PutItem, https response error StatusCode: 400, RequestID: 8JH2K4Q0SGV5VMB3AEMVJF66Q3VV4KQNSO5AEMVJF66Q9ASUAAJG, api error ThrottlingException: Rate of requests exceeds the allowed throughput."}`,
	`{"level":"error","ts":%d.%06d,"caller":"billing/sync.go:32","msg":"upstream returned an error","url":"http://127.0.0.1:18280/status/503","status":503,"error":"unexpected status 503 Service Unavailable"}`,
}

const infoRecord = `{"level":"info","ts":%d.%06d,"caller":"server/handler.go:88","msg":"request handled","method":"GET","path":"/v1/things/%d","status":200,"duration":0.0%04d,"request_id":"req_%08x"}`

// Write writes about size bytes of log to w, in whole lines.
func Write(w io.Writer, size int64) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var n int64
	sec := int64(1796628000)
	for i := 0; n < size; i++ {
		us := (i * 7919) % 1000000
		if i%20 == 0 {
			sec++
		}
		var k int
		var err error
		if i%ErrEvery == ErrEvery-1 {
			k, err = fmt.Fprintf(bw, errorRecords[(i/ErrEvery)%len(errorRecords)]+"\n", sec, us)
		} else {
			k, err = fmt.Fprintf(bw, infoRecord+"\n", sec, us, i%100000, i%10000, i*2654435761)
		}
		if err != nil {
			return err
		}
		n += int64(k)
	}
	return bw.Flush()
}
