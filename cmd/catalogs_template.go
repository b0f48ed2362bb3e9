package cmd

import (
	"strings"

	"github.com/errcode-dev/errcode/catalog"
)

// schemaLine lets editors that use yaml-language-server check the file.
const schemaLine = "# yaml-language-server: $schema=https://raw.githubusercontent.com/errcode-dev/errcode/main/catalog/schema.json\n"

// starterCatalog is what 'catalogs init ID' writes for a new catalog: a
// sample to edit. It names no hosts: explain attributes nothing to it
// until its author writes their API's own (api.example.com, in errcode's
// help, is no one's).
func starterCatalog(id string) string {
	return schemaLine + `#
# An errcode user catalog. errcode reads every *.yaml file in this directory
# (and in $ERRCODE_CATALOG_PATH, and --catalog-file FILE). Check it with:
#   errcode catalogs validate
# Indent with spaces, never tabs.

# Lower-case id, used in 'errcode lookup ` + id + `:CODE' and '--catalog ` + id + `'.
id: ` + id + `
name: ` + strings.ToUpper(id[:1]) + id[1:] + ` API
# doc_url: https://docs.` + id + `.example/errors   # your API's error documentation

# Optional: explain attributes responses from these hosts (and subdomains) to
# this catalog. Write your API's host names, without scheme or port:
# hosts: [api.` + id + `.example]

# Optional: where explain finds an error in a JSON body, as dot paths; a step
# written errors[] goes through each element of an array.
body:
  code: error.code
  token: error.type
  message: error.message
  request_id: error.request_id

entries:
  - code: ` + strings.ToUpper(id) + `-1001  # a string; a number works too
    token: CardExpired            # optional: a symbolic name
    status: 402                   # optional: the HTTP status, 100-599
    category: Payments            # optional
    title: Card expired
    message: "Card {last4} has expired"   # the message template, as the API sends it
    description: The card on file is past its expiry date.
    causes: [The customer's card expired]
    fixes: [Ask the customer for a new card]
    retryable: false              # optional: true, false, or leave it out (unknown)
`
}

// extensionCatalog is what 'catalogs init ID' writes for a built-in
// catalog's id: inert until edited. Only the id is active; everything a
// user may add is there commented out, with what it does, so that the file
// as written changes nothing of the built-in catalog (no link, no host, no
// entry).
func extensionCatalog(c *catalog.Catalog) string {
	return schemaLine + `#
# Your additions to errcode's built-in catalog ` + c.ID + ` (` + c.Name + `).
# As written, this file changes no lookup or explanation (errcode catalogs
# lists it as a source): every line but the id is a comment.
# Uncomment and edit what you need (indent with spaces, never tabs), then
# check it with:
#   errcode catalogs validate
#
# Your entries replace the built-in ones with the same code (compared
# ignoring case, '-' and '_') and the rest are added; 'errcode lookup
# ` + c.ID + `:CODE' finds both. hosts, body shapes and headers are added to
# the built-in ones (yours are tried first); name and doc_url, when given,
# replace the built-in ones.

id: ` + c.ID + `

# More hosts whose responses are ` + c.ID + `'s (a proxy or gateway of yours),
# as host names without scheme or port:
# hosts: [` + c.ID + `.gateway.internal]

# entries:
#   - code: YOUR-CODE             # a code the built-in catalog lacks, or one to replace
#     status: 400                 # optional: the HTTP status, 100-599
#     title: A short title
#     description: What it means, in your team's words.
#     causes: [What leads to it]
#     fixes: [What to do about it]
#     retryable: false            # optional: true, false, or leave it out (unknown)
`
}
