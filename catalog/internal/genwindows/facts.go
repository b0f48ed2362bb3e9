package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/errcode-dev/errcode/catalog/internal/yamlout"
)

// constant is one line of the fact file: a typed constant (Errno: a Win32
// or WinSock error number; Handle: an HRESULT) or an untyped one defined as
// another constant's name (E_NOT_SET = ERROR_NOT_FOUND).
type constant struct {
	name   string
	typ    string // "syscall.Errno", "Handle", or "" for a name defined as another
	value  uint64 // typed constants only
	inHex  bool   // the value is written in hex
	target string // the other name, untyped constants only
}

var (
	typedLine = regexp.MustCompile(`^(\w+) (syscall\.Errno|Handle) = (0x[0-9A-Fa-f]+|\d+)$`)
	aliasLine = regexp.MustCompile(`^(\w+) = ([A-Za-z_]\w*)$`)
	version   = regexp.MustCompile(`^// Source:\s+golang\.org/x/sys (v\S+)`)
	// marker names the constants that bound a block of codes or mask
	// them, and the severity values, rather than name an error.
	marker = regexp.MustCompile(`^(\w+_([ES]_)?(FIRST|LAST)|DNS_ERROR_(\w+_)?BASE|DNS_ERROR_MASK|WSABASEERR|TPM_E_(PCP_)?ERROR_MASK|SEVERITY_(SUCCESS|ERROR)|ERROR_IPSEC_IKE_NEG_STATUS_(BEGIN|END|EXTENDED_END))$`)
)

// parseFacts reads the fact file's constants, in order, and its version.
// A line that looks like a constant but is neither form, or a name twice,
// is an error: the extract is wrong.
func parseFacts(text string) (consts []constant, ver string, err error) {
	ver, err = yamlout.EachFact(text, version, func(l string) (string, error) {
		var c constant
		if m := typedLine.FindStringSubmatch(l); m != nil {
			v, perr := strconv.ParseUint(m[3], 0, 32)
			if perr != nil {
				return "", fmt.Errorf("%q: %v", l, perr)
			}
			c = constant{name: m[1], typ: m[2], value: v, inHex: strings.HasPrefix(m[3], "0x")}
		} else if m := aliasLine.FindStringSubmatch(l); m != nil {
			c = constant{name: m[1], target: m[2]}
		} else {
			return "", fmt.Errorf("not a constant: %q", l)
		}
		consts = append(consts, c)
		return c.name, nil
	})
	if err != nil {
		return nil, "", err
	}
	return consts, ver, nil
}

// code is one entry of windows.yaml: an error number or HRESULT, its
// first name in the source, and the other names of the same value.
type code struct {
	code    string // "5", "0x80070005"
	name    string
	hex     bool
	aliases []string
}

// codesOf selects the entries: every Errno or Handle constant whose value
// is an error (a non-zero Win32 number written in decimal; any value with
// the severity bit set, written as an 8-digit hex code), but for the block
// markers, masks and severity values; a later constant of the same value, or an untyped one
// naming an entry's constant, is another name of that entry. Success and
// information codes (0, S_OK, S_FALSE, *_S_*, SEC_I_*: the severity bit
// clear, and written in hex or typed Handle) are not errors and are left out.
func codesOf(consts []constant) []code {
	var out []code
	byValue := map[uint64]int{}
	byName := map[string]int{}
	for _, c := range consts {
		if c.typ == "" || marker.MatchString(c.name) {
			continue
		}
		hex := c.value >= 0x80000000
		if !hex && (c.value == 0 || c.typ == "Handle" || c.inHex) {
			continue
		}
		if i, ok := byValue[c.value]; ok {
			out[i].aliases = append(out[i].aliases, c.name)
			byName[c.name] = i
			continue
		}
		k := code{code: strconv.FormatUint(c.value, 10), name: c.name, hex: hex}
		if hex {
			k.code = fmt.Sprintf("0x%08X", c.value)
		}
		byValue[c.value] = len(out)
		byName[c.name] = len(out)
		out = append(out, k)
	}
	for _, c := range consts {
		if c.typ != "" || marker.MatchString(c.name) {
			continue
		}
		if i, ok := byName[c.target]; ok {
			out[i].aliases = append(out[i].aliases, c.name)
		}
	}
	return out
}

// extract writes the fact file from x/sys's module directory: every line
// of windows/zerrors_windows.go that declares a constant of type
// syscall.Errno or Handle, or an untyped constant defined as another's
// name, in the file's order, with the alignment spaces collapsed.
func extract(dir, ver string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(dir, "windows", "zerrors_windows.go"))
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, `// errcode fact file: Windows error codes (Win32 and WinSock error numbers, HRESULTs) and their names.
// Source:  golang.org/x/sys %s (the Go module proxy: go mod download golang.org/x/sys@%s),
//          windows/zerrors_windows.go (generated there by mkerrors.bash from the Windows SDK's winerror.h).
// Licence: BSD-3-Clause, Copyright 2009 The Go Authors.
// Extract: every constant of type syscall.Errno or Handle, and every untyped constant defined as
//          another constant's name, in the file's order, one a line, with the file's alignment
//          spaces collapsed to one; the NTStatus and FACILITY_ constants are left out.
//          Written by: go run ./catalog/internal/genwindows -extract DIR -version %s

`, ver, ver, ver)
	line := regexp.MustCompile(`^\t(\w+)\s+(syscall\.Errno|Handle)?\s*= (\S+)$`)
	n := 0
	for _, l := range strings.Split(string(data), "\n") {
		m := line.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		typed := m[2] != ""
		if !typed && !aliasLine.MatchString(m[1]+" = "+m[3]) {
			continue // a number: FACILITY_ codes, NO_ERROR and the like
		}
		if typed {
			fmt.Fprintf(&b, "%s %s = %s\n", m[1], m[2], m[3])
		} else {
			fmt.Fprintf(&b, "%s = %s\n", m[1], m[3])
		}
		n++
	}
	if n < 5000 {
		return nil, fmt.Errorf("zerrors_windows.go: only %d constants found", n)
	}
	return []byte(b.String()), nil
}
