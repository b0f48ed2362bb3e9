// Command zap GETs a URL and logs the failure with zap's production
// logger (JSON, with a stacktrace at error level) or its development
// logger (console). Usage: zap prod|dev URL
package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"go.uber.org/zap"
)

func main() {
	logger, _ := zap.NewProduction()
	if os.Args[1] == "dev" {
		logger, _ = zap.NewDevelopment()
	}
	defer logger.Sync()
	url := os.Args[2]
	client := &http.Client{Timeout: time.Second}
	resp, err := client.Get(url)
	if err != nil {
		logger.Error("request failed", zap.String("url", url), zap.Error(err))
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode >= 400 {
		logger.Error("upstream returned an error", zap.String("url", url), zap.Int("status", resp.StatusCode),
			zap.String("request_id", resp.Header.Get("X-Request-Id")), zap.ByteString("body", body),
			zap.Error(fmt.Errorf("unexpected status %s", resp.Status)))
	}
}
