// Package completions holds errcode's shell completion scripts, generated
// from the command tree and committed (a test fails when they are stale):
//
//	errcode.bash  bash (bash-completion v2)    _errcode      zsh
//	errcode.fish  fish                         errcode.ps1   PowerShell
//
// The man pages in ../man are generated with them.
package completions

//go:generate go run ../internal/docgen/gendocs -completions . -man ../man
