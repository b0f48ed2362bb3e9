// Command awss3 calls S3 GetObject (path-style) with aws-sdk-go-v2 against
// ENDPOINT, one attempt, and prints the error as "failed to get object:".
// Usage: awss3 ENDPOINT
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
)

func main() {
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"), config.WithRetryMaxAttempts(1))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	client := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.BaseEndpoint = aws.String(os.Args[1])
		o.UsePathStyle = true
	})
	_, err = client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("reports"), Key: aws.String("reports/2026.csv")})
	if err != nil {
		fmt.Fprintf(os.Stderr, "failed to get object: %v\n", err)
		os.Exit(1)
	}
}
