package catalog

// The tables that order answers across catalogs. Each row is pinned by a
// test (rankorder_test.go), and README.md's "Looking things up" shows the
// same tables.

// vocabularyOrder orders the meanings of a number that several
// vocabularies share ("14" is gRPC's UNAVAILABLE, curl's FTP reply error
// and errno's EFAULT), by how often a developer meets each: an HTTP status
// in every response; a gRPC status in every RPC's failure; a curl exit
// code in scripts and CI logs; an errno number mostly behind its name
// (ECONNREFUSED), seen bare in Python's "[Errno 111]"; a SQLSTATE in
// database errors. A catalog not in the table (a vendor's, a user's) comes
// after these, in catalog order. Entries that only carry the number as
// their HTTP status follow every entry whose code or token is the number.
var vocabularyOrder = [...]string{"http", "grpc", "curl", "errno", "postgres"}

// vocabularyRank is id's place in vocabularyOrder; len(vocabularyOrder)
// for every other catalog.
func vocabularyRank(id string) int {
	for i, v := range vocabularyOrder {
		if v == id {
			return i
		}
	}
	return len(vocabularyOrder)
}
