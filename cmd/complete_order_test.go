package cmd

import (
	"slices"
	"testing"
)

// Completions are ordered numbers first, by value, then text without
// regard to case, as strconv.Atoi and strings.ToLower would order them.
func TestNaturalLess(t *testing.T) {
	in := []string{"ERROR_B", "1105", "e_fail", "429", "-1", "+7", "Échec", "E_FAIL2", "0x80070005", "error_a", "écart"}
	want := []string{"-1", "+7", "429", "1105", "0x80070005", "e_fail", "E_FAIL2", "error_a", "ERROR_B", "écart", "Échec"}
	got := slices.Clone(in)
	slices.SortStableFunc(got, func(a, b string) int {
		switch {
		case naturalLess(a, b):
			return -1
		case naturalLess(b, a):
			return 1
		}
		return 0
	})
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}
