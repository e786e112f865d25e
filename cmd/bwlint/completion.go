package main

import (
	"slices"
	"strings"
	"sync"
	"text/template"

	"github.com/bwlint/bwlint/lint/report"
	"github.com/urfave/cli/v2"
)

// shells are the shells "bwlint completion" writes a script for.
var shells = []string{"bash", "zsh", "fish", "powershell"}

func helpCommand() *cli.Command {
	return &cli.Command{
		Name:      "help",
		Usage:     "show bwlint's help, or a command's",
		ArgsUsage: "[COMMAND]",
		Action: func(c *cli.Context) error {
			switch c.NArg() {
			case 0:
				return cli.ShowAppHelp(c)
			case 1:
				name := c.Args().First()
				if c.App.Command(name) == nil {
					return usageErrorf("help: unknown command %q%s (see bwlint help)", name, suggest(name, commandNames(c.App)))
				}
				// The command's own --help, as "bwlint COMMAND --help" shows it.
				return c.App.Run([]string{c.App.Name, name, "--help"})
			}
			return usageErrorf("help: takes at most one COMMAND, got %d: %s", c.NArg(), strings.Join(c.Args().Slice(), " "))
		},
	}
}

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script: bash, zsh, fish or powershell",
		ArgsUsage: "SHELL",
		Description: "Prints a script that completes bwlint's commands, flags and flag values (formats, --fail-on,\n" +
			"--missing-evidence, --sarif-profile, --color), check names after explain, and files and\n" +
			"directories elsewhere. Load it in the shell's start-up file:\n\n" +
			"  bash:        source <(bwlint completion bash)          (in ~/.bashrc)\n" +
			"  zsh:         source <(bwlint completion zsh)           (in ~/.zshrc)\n" +
			"  fish:        bwlint completion fish | source           (in ~/.config/fish/config.fish)\n" +
			"  powershell:  bwlint completion powershell | Out-String | Invoke-Expression   (in $PROFILE)",
		Action: func(c *cli.Context) error {
			shell, err := oneArg(c, "SHELL")
			if err != nil {
				return err
			}
			if !slices.Contains(shells, shell) {
				return usageErrorf("completion: unknown shell %q: use %s", shell, strings.Join(shells, ", "))
			}
			known, err := knownChecks(c)
			if err != nil {
				return err
			}
			return completionScripts().ExecuteTemplate(c.App.Writer, shell, completionModel(c.App, checkNames(known)))
		},
	}
}

// completionCmd is what a completion script knows of a command.
type completionCmd struct {
	Name, Usage string
	Flags       []completionFlag
	// Args is what the positional arguments are: dirs, files, checks,
	// commands, shells or none.
	Args string
}

type completionFlag struct {
	Name    string   // without dashes
	Alias   string   // one letter, or ""
	Usage   string   // first sentence
	Value   bool     // takes a value
	File    bool     // the value is a file or directory
	Choices []string // the values it takes, when they are few
}

// fileFlags are the flags whose value is a path.
var fileFlags = []string{"config", "output", "report", "baseline", "write-baseline", "sarif-root"}

// completionData is what the scripts are made from.
type completionData struct {
	Commands []completionCmd
	Global   []completionFlag
	Checks   []string
	Shells   []string
}

// argKinds says what each command's positional arguments are.
var argKinds = map[string]string{
	"lint": "dirs", "diff": "dirs", "parse": "dirs", "init": "dirs", "config": "dirs", "capture-plan": "dirs",
	"explain": "checks", "help": "commands", "completion": "shells", "checks": "none",
}

// flagChoices are the values of the flags that take one of a few, by
// command ("" for every command).
func flagChoices(cmd, flag string) []string {
	switch flag {
	case "format":
		switch cmd {
		case "lint":
			return report.Names()
		case "diff":
			return []string{"text", "json", "markdown", "sarif"}
		case "capture-plan":
			return capturePlanFormats
		}
		return []string{"text", "json"}
	case "fail-on":
		return []string{"error", "warning", "note", "none"}
	case "missing-evidence":
		return []string{"fail", "report"}
	case "sarif-profile":
		return report.SARIFProfiles
	case "color":
		return []string{"auto", "always", "never"}
	}
	return nil
}

func completionModel(app *cli.App, checks []string) completionData {
	flags := func(cmd string, fs []cli.Flag) []completionFlag {
		var out []completionFlag
		for _, f := range fs {
			names := f.Names()
			cf := completionFlag{Name: names[0], Value: takesValue(f), File: slices.Contains(fileFlags, names[0]), Choices: flagChoices(cmd, names[0])}
			for _, a := range names[1:] {
				if len(a) == 1 {
					cf.Alias = a
				}
			}
			if d, ok := f.(cli.DocGenerationFlag); ok {
				cf.Usage, _, _ = strings.Cut(d.GetUsage(), ":")
				cf.Usage, _, _ = strings.Cut(cf.Usage, " (")
				cf.Usage = strings.NewReplacer("`", "", "'", "", "\"", "").Replace(cf.Usage)
			}
			out = append(out, cf)
		}
		if !slices.ContainsFunc(out, func(f completionFlag) bool { return f.Name == "help" }) {
			out = append(out, completionFlag{Name: "help", Alias: "h", Usage: "show help"})
		}
		return out
	}
	d := completionData{Global: flags("", app.Flags), Checks: checks, Shells: shells}
	for _, c := range app.Commands {
		d.Commands = append(d.Commands, completionCmd{Name: c.Name, Usage: c.Usage, Flags: flags(c.Name, c.Flags), Args: argKinds[c.Name]})
	}
	return d
}

// dashed writes a flag's names as typed: --name and -a.
func dashed(f completionFlag) string {
	if f.Alias != "" {
		return "--" + f.Name + " -" + f.Alias
	}
	return "--" + f.Name
}

// completionScripts are the scripts of every shell, parsed when one is
// asked for: parsing them cost every other command of bwlint about 0.4 ms.
var completionScripts = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"join":   strings.Join,
		"dashed": dashed,
		// q quotes for fish, whose single quotes escape only \ and '.
		"q": func(s string) string { return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'" },
		"names": func(cs []completionCmd) string {
			var n []string
			for _, c := range cs {
				n = append(n, c.Name)
			}
			return strings.Join(n, " ")
		},
		"allflags": func(fs []completionFlag) string {
			var n []string
			for _, f := range fs {
				n = append(n, dashed(f))
			}
			return strings.Join(n, " ")
		},
		"valueflags": func(fs []completionFlag) string {
			var n []string
			for _, f := range fs {
				if f.Value {
					n = append(n, "--"+f.Name)
					if f.Alias != "" {
						n = append(n, "-"+f.Alias)
					}
				}
			}
			return strings.Join(n, "|")
		},
	}).Parse(bashScript + zshScript + fishScript + powershellScript))
})

// The bash script finds the command (the first word that is neither a
// flag nor a flag's value), then completes the value of the flag before
// the cursor, a flag, or an argument.
const bashScript = `{{define "bash"}}# bash completion for bwlint; load it with: source <(bwlint completion bash)
_bwlint() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd= i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      {{valueflags .Global}}) ((i++)) ;;
      -*) ;;
      *) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done
  case $prev in
{{- range .Global}}{{if .Choices}}
    --{{.Name}}) COMPREPLY=($(compgen -W "{{join .Choices " "}}" -- "$cur")); return ;;{{end}}{{end}}
  esac
  case $cmd in
    "")
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "{{allflags .Global}}" -- "$cur"))
      else
        COMPREPLY=($(compgen -W "{{names .Commands}}" -- "$cur"))
      fi
      return ;;
{{- range .Commands}}
    {{.Name}})
      case $prev in
{{- range .Flags}}{{if .Choices}}
        --{{.Name}}{{if .Alias}}|-{{.Alias}}{{end}}) COMPREPLY=($(compgen -W "{{join .Choices " "}}" -- "$cur")); return ;;
{{- else if .File}}
        --{{.Name}}{{if .Alias}}|-{{.Alias}}{{end}}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
{{- else if .Value}}
        --{{.Name}}{{if .Alias}}|-{{.Alias}}{{end}}) COMPREPLY=(); return ;;{{end}}{{end}}
      esac
      if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "{{allflags .Flags}}" -- "$cur"))
        return
      fi
{{- if eq .Args "dirs"}}
      COMPREPLY=($(compgen -d -- "$cur"))
{{- else if eq .Args "checks"}}
      COMPREPLY=($(compgen -W "{{join $.Checks " "}}" -- "$cur"))
{{- else if eq .Args "commands"}}
      COMPREPLY=($(compgen -W "{{names $.Commands}}" -- "$cur"))
{{- else if eq .Args "shells"}}
      COMPREPLY=($(compgen -W "{{join $.Shells " "}}" -- "$cur"))
{{- end}}
      ;;
{{- end}}
  esac
}
complete -o filenames -o bashdefault -F _bwlint bwlint
{{end}}`

// zsh runs the bash script through its bash completion emulation.
const zshScript = `{{define "zsh"}}# zsh completion for bwlint; load it with: source <(bwlint completion zsh)
autoload -U +X compinit && compinit
autoload -U +X bashcompinit && bashcompinit
{{template "bash" .}}{{end}}`

const fishScript = `{{define "fish"}}# fish completion for bwlint; load it with: bwlint completion fish | source
complete -c bwlint -f
{{- range .Commands}}
complete -c bwlint -n '__fish_use_subcommand' -a {{.Name}} -d {{q .Usage}}
{{- end}}
{{- range .Global}}
complete -c bwlint -n __fish_use_subcommand -l {{.Name}}{{if .Alias}} -s {{.Alias}}{{end}}{{if .Choices}} -x -a '{{join .Choices " "}}'{{end}} -d {{q .Usage}}
{{- end}}
{{- range $c := .Commands}}
{{- range .Flags}}
complete -c bwlint -n '__fish_seen_subcommand_from {{$c.Name}}' -l {{.Name}}{{if .Alias}} -s {{.Alias}}{{end}}{{if .Choices}} -x -a '{{join .Choices " "}}'{{else if .File}} -r -F{{else if .Value}} -x{{end}} -d {{q .Usage}}
{{- end}}
{{- if eq .Args "dirs"}}
complete -c bwlint -n '__fish_seen_subcommand_from {{.Name}}' -a '(__fish_complete_directories)'
{{- else if eq .Args "checks"}}
complete -c bwlint -n '__fish_seen_subcommand_from {{.Name}}' -a '{{join $.Checks " "}}'
{{- else if eq .Args "commands"}}
complete -c bwlint -n '__fish_seen_subcommand_from {{.Name}}' -a '{{names $.Commands}}'
{{- else if eq .Args "shells"}}
complete -c bwlint -n '__fish_seen_subcommand_from {{.Name}}' -a '{{join $.Shells " "}}'
{{- end}}
{{- end}}
{{end}}`

const powershellScript = `{{define "powershell"}}# PowerShell completion for bwlint; load it with:
#   bwlint completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName bwlint -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
    if ($wordToComplete -ne '' -and $words.Count -gt 0) { $words = @($words | Select-Object -SkipLast 1) }
    $commands = @{
{{- range .Commands}}
        '{{.Name}}' = @{
            flags = @({{range $i, $f := .Flags}}{{if $i}}, {{end}}'--{{$f.Name}}'{{end}})
            choices = @{ {{- range .Flags}}{{if .Choices}} '--{{.Name}}' = @({{range $i, $v := .Choices}}{{if $i}}, {{end}}'{{$v}}'{{end}});{{end}}{{end}} }
            args = '{{.Args}}'
        }
{{- end}}
    }
    $global = @({{range $i, $f := .Global}}{{if $i}}, {{end}}'--{{$f.Name}}'{{end}})
    $checks = @({{range $i, $c := .Checks}}{{if $i}}, {{end}}'{{$c}}'{{end}})
    $shells = @({{range $i, $s := .Shells}}{{if $i}}, {{end}}'{{$s}}'{{end}})
    $cmd = $null
    foreach ($w in $words) { if ($commands.ContainsKey($w)) { $cmd = $w; break } }
    $prev = if ($words.Count -gt 0) { $words[-1] } else { '' }
    $candidates = @()
    if ($null -eq $cmd) {
        if ($prev -eq '--color') { $candidates = @('auto', 'always', 'never') }
        elseif ($wordToComplete -like '-*') { $candidates = $global }
        else { $candidates = @($commands.Keys | Sort-Object) }
    } else {
        $spec = $commands[$cmd]
        if ($spec.choices.ContainsKey($prev)) { $candidates = $spec.choices[$prev] }
        elseif ($wordToComplete -like '-*') { $candidates = $spec.flags }
        elseif ($spec.args -eq 'checks') { $candidates = $checks }
        elseif ($spec.args -eq 'shells') { $candidates = $shells }
        elseif ($spec.args -eq 'commands') { $candidates = @($commands.Keys | Sort-Object) }
        else { return }
    }
    $candidates | Where-Object { $_ -like "$wordToComplete*" } | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
{{end}}`
