// Package render writes everything a person or a script sees of errcode:
// an entry's card, lists and tables, an explanation of a failed response,
// errcode run's diagnosis, and their JSON. A Renderer takes an io.Writer,
// the colour profile decided once at start and a width; it computes
// nothing of its own. Text that came from outside errcode (a response, a
// user catalog) is scrubbed of control characters (Scrub) before it is
// written.
package render
