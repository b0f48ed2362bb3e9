module github.com/errcode-dev/errcode

go 1.26.8

require (
	github.com/goccy/go-yaml v1.19.2
	github.com/sahilm/fuzzy v0.1.3
)
