package catalog

// Key folds a code, token or query for exact comparison: lower-case letters
// and digits only, so "AUTH-401", "auth401" and "auth 401" are one key. A
// hex number loses its leading zeros: "0x07" and "0x7" are one key.
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
	return string(trimHexZeros(b))
}

// trimHexZeros turns 0x007 into 0x7 (and 0x00 into 0x0).
func trimHexZeros(b []byte) []byte {
	if len(b) < 4 || b[0] != '0' || b[1] != 'x' {
		return b
	}
	for _, c := range b[2:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return b
		}
	}
	n := 2
	for n < len(b)-1 && b[n] == '0' {
		n++
	}
	return append(b[:2], b[n:]...)
}
