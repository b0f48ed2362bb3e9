package main

import (
	"bytes"
	"compress/gzip"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/binary"
	"encoding/pem"
	"fmt"
	"io"
	"log"
	"math/big"
	"net"
	"net/http"
	"os"
	"strings"
	"time"
)

// What scripts/record-pins.sh records: answers that pin rules no other
// recording does (issue 20). Headers spelled as some servers send them
// (lower case over HTTP/1.1, AWS's X-Amzn-RequestId), gzip bodies exactly
// errcode's 256 KiB cap long and one byte longer, and, on ports after the
// misbehaving ones (BASE+4 on), HTTP/2 stream resets with chosen error
// codes, certificates that are expired or for another name (signed by a CA
// written to FIXTURESERVER_PINS_CA), and a proxy that answers CONNECT with
// a 407.

// pinBody is a JSON error body of exactly n bytes, its message one long line.
func pinBody(n int) string {
	head, tail := `{"error":{"code":"payload_too_large","message":"`, `"}}`
	return head + strings.Repeat("x", n-len(head)-len(tail)) + tail
}

// servePins answers the pins' paths; it reports whether it answered.
func servePins(w http.ResponseWriter, req *http.Request) bool {
	h := w.Header()
	switch req.URL.Path {
	case "/pins/bearer-lower": // the scheme and the header name in lower case, as sent
		h["Date"] = []string{date} // net/http would add its own
		h["www-authenticate"] = []string{`bearer realm="api", error="invalid_token", error_description="The access token expired"`}
		h["content-length"] = []string{"0"}
		w.WriteHeader(401)
	case "/pins/header-spelling": // as AWS and Cloudflare spell them
		h["Date"] = []string{date}
		h["Content-Type"] = []string{"application/json"}
		h["X-Amzn-RequestId"] = []string{"7f1a7c3e-pins-0001"}
		h["CF-RAY"] = []string{"8c1e2f3a4b5c6d7e-AMS"}
		h["retry-after"] = []string{"30"}
		w.WriteHeader(503)
		io.WriteString(w, `{"message":"Service Unavailable"}`)
	case "/pins/cap-exact", "/pins/cap-over":
		n := 256 << 10
		if strings.HasSuffix(req.URL.Path, "over") {
			n++
		}
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		io.WriteString(zw, pinBody(n))
		zw.Close()
		h.Set("Date", date)
		h.Set("Content-Type", "application/json")
		h.Set("Content-Encoding", "gzip")
		w.WriteHeader(413)
		w.Write(b.Bytes())
	default:
		return false
	}
	return true
}

// servePinPorts starts the pins' ports from base.
func servePinPorts(base int) {
	go serveConns(fmt.Sprintf("127.0.0.1:%d", base), func(c net.Conn) { h2Reset(c, 1) })    // PROTOCOL_ERROR
	go serveConns(fmt.Sprintf("127.0.0.1:%d", base+1), func(c net.Conn) { h2Reset(c, 11) }) // ENHANCE_YOUR_CALM
	ca, caKey := pinCA()
	go servePinTLS(base+2, ca, caKey, []string{"localhost"}, []net.IP{net.IPv4(127, 0, 0, 1)}, -48*time.Hour, -24*time.Hour) // expired
	go servePinTLS(base+3, ca, caKey, []string{"other.example"}, nil, -time.Hour, time.Hour)                                 // another name
	go serveConns(fmt.Sprintf("127.0.0.1:%d", base+4), proxy407)
}

// h2Reset speaks just enough HTTP/2 (prior knowledge) to reset stream 1
// with code: its SETTINGS, an ACK of the client's, then RST_STREAM.
func h2Reset(c net.Conn, code uint32) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(5 * time.Second))
	c.Read(make([]byte, 4096)) // the preface, SETTINGS, the request's HEADERS
	frame := func(typ, flags byte, stream uint32, payload []byte) []byte {
		f := []byte{byte(len(payload) >> 16), byte(len(payload) >> 8), byte(len(payload)), typ, flags, 0, 0, 0, 0}
		binary.BigEndian.PutUint32(f[5:], stream)
		return append(f, payload...)
	}
	var out []byte
	out = append(out, frame(4, 0, 0, nil)...) // SETTINGS
	out = append(out, frame(4, 1, 0, nil)...) // SETTINGS ACK
	out = append(out, frame(3, 0, 1, binary.BigEndian.AppendUint32(nil, code))...)
	c.Write(out)
	time.Sleep(500 * time.Millisecond)
}

// proxy407 answers CONNECT as a proxy that wants credentials.
func proxy407(c net.Conn) {
	defer c.Close()
	c.Read(make([]byte, 4096))
	io.WriteString(c, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"fixture proxy\"\r\nContent-Length: 0\r\n\r\n")
}

// pinCA makes a CA and writes its certificate to FIXTURESERVER_PINS_CA.
func pinCA() (*x509.Certificate, *ecdsa.PrivateKey) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		log.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "errcode fixture CA"},
		NotBefore: time.Now().Add(-72 * time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		log.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(der)
	if name := os.Getenv("FIXTURESERVER_PINS_CA"); name != "" {
		if err := os.WriteFile(name, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	return ca, key
}

// servePinTLS serves the replies over TLS with a certificate the CA signed
// for these names, valid from now+from to now+to.
func servePinTLS(port int, ca *x509.Certificate, caKey *ecdsa.PrivateKey, names []string, ips []net.IP, from, to time.Duration) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		log.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(int64(port)), Subject: pkix.Name{CommonName: names[0]},
		NotBefore: time.Now().Add(from), NotAfter: time.Now().Add(to), DNSNames: names, IPAddresses: ips,
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
	if err != nil {
		log.Fatal(err)
	}
	srv := &http.Server{Addr: fmt.Sprintf("127.0.0.1:%d", port), Handler: http.HandlerFunc(serve),
		TLSConfig: &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der, ca.Raw}, PrivateKey: key}}},
		ErrorLog:  log.New(io.Discard, "", 0)}
	log.Fatal(srv.ListenAndServeTLS("", ""))
}
