package catalog

// Key folds a code, token or query for exact comparison: lower-case letters
// and digits only, so "AUTH-401", "auth401" and "auth 401" are one key.
func Key(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 0x80:
			b = append(b, c) // keep non-ASCII bytes as they are
		}
	}
	return string(b)
}
