package catalog

import "slices"

// Merge adds user catalogs to base. A user catalog with the id of one
// already there extends it: its entries replace those with the same code
// (case and separators folded) and the rest are added; its name, link,
// source and hosts replace the base's when given; its body shapes
// and headers come before the base's. base is not
// modified (the built-in data is shared and static).
func Merge(base, user []*Catalog) []*Catalog {
	out := slices.Clone(base)
	for _, u := range user {
		i := slices.IndexFunc(out, func(c *Catalog) bool { return c.ID == u.ID })
		if i < 0 {
			out = append(out, u)
			continue
		}
		u = u.InMemory() // entries kept in a store are merged in memory
		m := *out[i].InMemory()
		m.Entries = slices.Clone(m.Entries)
		m.tabled, m.keys, m.statuses, m.ranges, m.masks, m.letters = false, nil, nil, nil, nil, nil // the tables describe the old entries
		m.Protocol = m.Protocol || u.Protocol
		if u.Name != "" {
			m.Name = u.Name
		}
		if u.DocURL != "" {
			m.DocURL = u.DocURL
		}
		if u.Source != "" {
			m.Source = u.Source
		}
		if len(u.Bodies) > 0 { // the user's shapes are tried first
			m.Bodies = append(slices.Clone(u.Bodies), m.Bodies...)
		}
		m.RequestIDHeaders = append(slices.Clone(u.RequestIDHeaders), m.RequestIDHeaders...)
		m.RetryHeaders = append(slices.Clone(u.RetryHeaders), m.RetryHeaders...)
		m.CodeHeaders = append(slices.Clone(u.CodeHeaders), m.CodeHeaders...)
		m.Lines = append(slices.Clone(u.Lines), m.Lines...)
		m.Hosts = append(slices.Clone(m.Hosts), u.Hosts...)
		if m.Path != "" {
			m.Path += ", " + u.Path
		} else {
			m.Path = u.Path
		}
		at := make(map[string]int, len(m.Entries)) // folded code -> index: linear, not quadratic
		for j := range m.Entries {
			at[Key(m.Entries[j].Code)] = j
		}
		for _, e := range u.Entries {
			k := Key(e.Code)
			if j, ok := at[k]; ok {
				m.Entries[j] = e
			} else {
				at[k] = len(m.Entries)
				m.Entries = append(m.Entries, e)
			}
		}
		out[i] = &m
	}
	return out
}
