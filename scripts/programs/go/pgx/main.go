// Command pgx runs one SQL statement with pgx and log.Fatal's the error
// wrapped as a repository layer would. Usage: pgx DSN SQL
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/jackc/pgx/v5"
)

func main() {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, os.Args[2]); err != nil {
		log.Fatal(fmt.Errorf("insert user: %w", err))
	}
}
