package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The fact file is tab-separated, in three sections:
//
//	[shapes]   service shape code status fault retryable
//	[codes]    retrier service code
//	[statuses] retrier status
//
// A shape row is one error shape of a service's newest model ("exception":
// true): its code is "-" when it is the shape's name, its status "-" when
// the model states none, its fault sender, server or "-", its retryable
// "throttling" or "yes" (the retryable trait, with throttling true or
// false) or "-". A code row is an error code a botocore retrier retries:
// standard (retries/standard.py, for every service) or legacy
// (_retry.json), whose service is "*" for its __default__ policies. A
// status row is a status a retrier retries whatever the code.
const factHeader = `# AWS API error shapes and retried codes: facts extracted from botocore's
# service models (botocore/data/<service>/<newest version>/service-2.json),
# botocore/data/_retry.json and botocore/retries/standard.py.
# Source: boto/botocore %s, commit %s (https://github.com/boto/botocore)
# Copyright 2012-2022 Amazon.com, Inc. or its affiliates.
# Licence: Apache License, Version 2.0. Only facts are extracted (names,
# codes, statuses, fault, retry traits); no documentation text.
# Written by: go run ./internal/genaws -extract DIR -commit SHA (from catalog/)
#
# [shapes]   service shape code status fault retryable
#            (code "-": the shape's name; status "-": none stated;
#            retryable: throttling, yes (the trait, not throttling) or -)
# [codes]    retrier service code   (service "*": every service)
# [statuses] retrier status
`

type shapeJSON struct {
	Exception bool `json:"exception"`
	Error     *struct {
		Code        string `json:"code"`
		Status      int    `json:"httpStatusCode"`
		SenderFault *bool  `json:"senderFault"`
	} `json:"error"`
	Retryable *struct {
		Throttling bool `json:"throttling"`
	} `json:"retryable"`
}

// extract reads a botocore checkout (or a copy of its botocore/ folder
// under root) and returns the fact file.
func extract(root, commit string) ([]byte, error) {
	data := filepath.Join(root, "botocore", "data")
	ver, err := botocoreVersion(root)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, factHeader, ver, commit)
	b.WriteString("[shapes]\n")
	services, err := os.ReadDir(data)
	if err != nil {
		return nil, err
	}
	for _, s := range services {
		if !s.IsDir() {
			continue
		}
		model, err := newestModel(filepath.Join(data, s.Name()))
		if err != nil || model == "" {
			if err != nil {
				return nil, err
			}
			continue
		}
		if err := writeShapes(&b, s.Name(), model); err != nil {
			return nil, err
		}
	}
	if err := writeRetriers(&b, root); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func botocoreVersion(root string) (string, error) {
	src, err := os.ReadFile(filepath.Join(root, "botocore", "__init__.py"))
	if err != nil {
		return "", err
	}
	m := regexp.MustCompile(`(?m)^__version__ = '([^']+)'`).FindSubmatch(src)
	if m == nil {
		return "", fmt.Errorf("botocore/__init__.py: no __version__")
	}
	return string(m[1]), nil
}

// newestModel is the service-2.json of the newest API version, as botocore's
// loader picks it (the greatest version name), or "" if there is none.
func newestModel(dir string) (string, error) {
	vers, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	for i := len(vers) - 1; i >= 0; i-- {
		p := filepath.Join(dir, vers[i].Name(), "service-2.json")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", nil
}

func writeShapes(b *bytes.Buffer, service, path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var model struct {
		Shapes map[string]shapeJSON `json:"shapes"`
	}
	if err := json.Unmarshal(raw, &model); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	names := make([]string, 0, len(model.Shapes))
	for n, s := range model.Shapes {
		if s.Exception {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	for _, n := range names {
		s := model.Shapes[n]
		code, status, fault, retry := "-", "-", "-", "-"
		if e := s.Error; e != nil {
			if e.Code != "" && e.Code != n {
				code = e.Code
			}
			if e.Status != 0 {
				status = strconv.Itoa(e.Status)
			}
			if e.SenderFault != nil {
				fault = map[bool]string{true: "sender", false: "server"}[*e.SenderFault]
			}
		}
		if r := s.Retryable; r != nil {
			retry = map[bool]string{true: "throttling", false: "yes"}[r.Throttling]
		}
		if strings.ContainsAny(n+code, "\t\n") {
			return fmt.Errorf("%s: shape %q: a tab or newline in a name", path, n)
		}
		fmt.Fprintf(b, "%s\t%s\t%s\t%s\t%s\t%s\n", service, n, code, status, fault, retry)
	}
	return nil
}

var pyList = regexp.MustCompile(`(?s)(_THROTTLED_ERROR_CODES|_TRANSIENT_ERROR_CODES|_TRANSIENT_STATUS_CODES) = \[(.*?)\]`)

// writeRetriers writes the codes and statuses botocore's two retriers
// retry: the standard one's lists, and _retry.json's policies.
func writeRetriers(b *bytes.Buffer, root string) error {
	std, err := os.ReadFile(filepath.Join(root, "botocore", "retries", "standard.py"))
	if err != nil {
		return err
	}
	var codes, statuses []string
	for _, m := range pyList.FindAllSubmatch(std, -1) {
		for _, item := range strings.Split(string(m[2]), ",") {
			item = strings.Trim(strings.TrimSpace(item), `'"`)
			switch {
			case item == "":
			case string(m[1]) == "_TRANSIENT_STATUS_CODES":
				statuses = append(statuses, "standard\t"+item)
			default:
				codes = append(codes, "standard\t*\t"+item)
			}
		}
	}
	if len(codes) == 0 || len(statuses) == 0 {
		return fmt.Errorf("retries/standard.py: its code and status lists were not found")
	}
	raw, err := os.ReadFile(filepath.Join(root, "botocore", "data", "_retry.json"))
	if err != nil {
		return err
	}
	var retry struct {
		Definitions map[string]policy                     `json:"definitions"`
		Retry       map[string]map[string]json.RawMessage `json:"retry"`
	}
	if err := json.Unmarshal(raw, &retry); err != nil {
		return fmt.Errorf("_retry.json: %w", err)
	}
	// retry.__default__ holds its policies; a service's entry holds them
	// per operation, its own __default__ among them.
	groups := map[string][]json.RawMessage{"*": {retry.Retry["__default__"]["policies"]}}
	for svc, ops := range retry.Retry {
		if svc == "__default__" {
			continue
		}
		for _, op := range ops {
			var o struct {
				Policies json.RawMessage `json:"policies"`
			}
			if err := json.Unmarshal(op, &o); err != nil {
				return fmt.Errorf("_retry.json: %s: %w", svc, err)
			}
			groups[svc] = append(groups[svc], o.Policies)
		}
	}
	for svc, list := range groups {
		for _, raw := range list {
			var ps map[string]policy
			if err := json.Unmarshal(raw, &ps); err != nil {
				return fmt.Errorf("_retry.json: %s: %w", svc, err)
			}
			for _, p := range ps {
				if p.Ref != "" {
					p = retry.Definitions[p.Ref]
				}
				resp := p.AppliesWhen.Response
				switch {
				case resp.Code != "":
					codes = append(codes, "legacy\t"+svc+"\t"+resp.Code)
				case resp.Status != 0 && svc == "*":
					statuses = append(statuses, "legacy\t"+strconv.Itoa(resp.Status))
				}
			}
		}
	}
	slices.Sort(codes)
	slices.Sort(statuses)
	b.WriteString("[codes]\n" + strings.Join(slices.Compact(codes), "\n") + "\n")
	b.WriteString("[statuses]\n" + strings.Join(slices.Compact(statuses), "\n") + "\n")
	return nil
}

type policy struct {
	Ref         string `json:"$ref"`
	AppliesWhen struct {
		Response struct {
			Code   string `json:"service_error_code"`
			Status int    `json:"http_status_code"`
		} `json:"response"`
	} `json:"applies_when"`
}
