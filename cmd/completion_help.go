package cmd

// completionHelp is each shell's install lines, as the README's "Shell
// completion" table gives them, for 'errcode completion SHELL --help'
// (cobra's stock text spoke of directories errcode's packages do not use).
// A switch, not a map: a map literal is built at start-up.
func completionHelp(shell string) string {
	switch shell {
	case "bash":
		return `Print the bash completion script (it needs the bash-completion package).

Packages and Homebrew install it already. Otherwise, install it for your user:

  errcode completion bash > ~/.local/share/bash-completion/completions/errcode

(or, from a release archive or a checkout, cp completions/errcode.bash
~/.local/share/bash-completion/completions/errcode), or try it in this shell:

  source <(errcode completion bash)`
	case "zsh":
		return `Print the zsh completion script.

Packages and Homebrew install it already. Otherwise, put it in a directory on
your $fpath, say ~/.zfunc:

  mkdir -p ~/.zfunc && errcode completion zsh > ~/.zfunc/_errcode

(or, from a release archive or a checkout, cp completions/_errcode ~/.zfunc/),
with this in ~/.zshrc, before compinit:

  fpath=(~/.zfunc $fpath)`
	case "fish":
		return `Print the fish completion script.

Packages and Homebrew install it already. Otherwise:

  errcode completion fish > ~/.config/fish/completions/errcode.fish

(or, from a release archive or a checkout, cp completions/errcode.fish
~/.config/fish/completions/).`
	case "powershell":
		return `Print the PowerShell completion script.

Add this line to your $PROFILE:

  errcode completion powershell | Out-String | Invoke-Expression

(or, from a release archive or a checkout, . /path/to/errcode.ps1).`
	}
	return ""
}
