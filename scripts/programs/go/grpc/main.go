// Command grpc calls errcode.fixture.Echo/Say on ADDR with grpc-go and
// log.Fatalf's the error as generated clients' callers do.
// Usage: grpc [-timeout 2s] ADDR
package main

import (
	"context"
	"flag"
	"log"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

func main() {
	timeout := flag.Duration("timeout", 5*time.Second, "deadline of the call")
	flag.Parse()
	conn, err := grpc.NewClient(flag.Arg(0), grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatalf("did not connect: %v", err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	in, out := wrapperspb.String("hi"), new(wrapperspb.StringValue)
	if err := conn.Invoke(ctx, "/errcode.fixture.Echo/Say", in, out); err != nil {
		log.Fatalf("could not greet: %v", err)
	}
	log.Printf("reply: %s", out.GetValue())
}
