// Command nethttp GETs a URL with net/http and fails the way Go programs
// commonly do. Usage: nethttp [-timeout 1s] MODE URL, where MODE is
//
//	fatal   log.Fatal(err) on a transport error, a status check after
//	wrap    fmt.Errorf("fetch things: %w", err), printed as "error: ..." with exit 1
//	panic   panic(err)
//	status  log.Fatalf("unexpected status %s: %s", resp.Status, body)
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
)

func main() {
	timeout := flag.Duration("timeout", 0, "client timeout")
	flag.Parse()
	mode, url := flag.Arg(0), flag.Arg(1)
	client := &http.Client{Timeout: *timeout}
	switch mode {
	case "fatal":
		resp, err := client.Get(url)
		if err != nil {
			log.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode >= 400 {
			log.Fatalf("unexpected status: %s", resp.Status)
		}
	case "wrap":
		if err := fetchThings(client, url); err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
			os.Exit(1)
		}
	case "panic":
		resp, err := client.Get(url)
		if err != nil {
			panic(err)
		}
		resp.Body.Close()
	case "status":
		resp, err := client.Get(url)
		if err != nil {
			log.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK {
			log.Fatalf("unexpected status %s: %s", resp.Status, body)
		}
	}
}

func fetchThings(client *http.Client, url string) error {
	resp, err := client.Get(url)
	if err != nil {
		return fmt.Errorf("fetch things: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("fetch things: unexpected status %d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	return nil
}
