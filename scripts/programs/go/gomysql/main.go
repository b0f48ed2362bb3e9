// Command gomysql runs one SQL statement with go-sql-driver/mysql through
// database/sql and log.Fatal's the error wrapped as a repository layer
// would. Usage: gomysql DSN SQL
package main

import (
	"database/sql"
	"fmt"
	"log"
	"os"

	_ "github.com/go-sql-driver/mysql"
)

func main() {
	db, err := sql.Open("mysql", os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(os.Args[2]); err != nil {
		log.Fatal(fmt.Errorf("insert user: %w", err))
	}
}
