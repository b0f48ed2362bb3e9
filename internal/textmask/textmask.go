// Package textmask summarises text as a 64-bit set of its letter pairs, so
// that a word search can pass over an entry that cannot contain a word
// without reading it. It is shared by package catalog (at lookup) and by
// its code generator (which writes each built-in entry's mask).
package textmask

import "strings"

// Of is the mask of the pairs of ASCII letters and digits next to each
// other in any of fields, case folded. A field with other than ASCII is
// lower-cased first, as the search does before it compares.
func Of(fields ...string) uint64 {
	var m uint64
	for _, s := range fields {
		if !isASCII(s) {
			s = strings.ToLower(s)
		}
		m |= pairs(s)
	}
	return m
}

// Word is the mask of a query word (lower case, as the search gives it).
// Text in which the word occurs, ASCII case folded, has every bit of it.
func Word(q string) uint64 { return pairs(q) }

// Has says whether text whose mask is m may contain every word whose masks
// make want.
func Has(m, want uint64) bool { return m&want == want }

func pairs(s string) uint64 {
	var m uint64
	for i := 0; i+1 < len(s); i++ {
		a, b := fold(s[i]), fold(s[i+1])
		if alnum(a) && alnum(b) {
			m |= 1 << ((uint32(a)<<8 | uint32(b)) * 0x9E3779B1 >> 26)
		}
	}
	return m
}

func fold(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func alnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Letters is the set of bytes in fields, ASCII case folded: a letter or
// digit one bit each, any other byte one of 28 bits shared. A string that
// holds key as a subsequence (case folded) has every bit of Letters(key).
func Letters(fields ...string) uint64 {
	var m uint64
	for _, s := range fields {
		for i := 0; i < len(s); i++ {
			m |= 1 << letterBit(fold(s[i]))
		}
	}
	return m
}

func letterBit(c byte) uint {
	switch {
	case c >= 'a' && c <= 'z':
		return uint(c - 'a')
	case c >= '0' && c <= '9':
		return 26 + uint(c-'0')
	}
	return 36 + uint(c)%28
}
