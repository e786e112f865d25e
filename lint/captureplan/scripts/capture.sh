# ---- How the capture runs (the same in every script bwlint writes) ----
#
# Each capture is one ssh command: "LOGIN -- HOST COMMAND" for a shell
# command, and for bwcli "LOGIN -- HOST bwcli" with the lines to type on
# its standard input, ending with "exit" and the "y" that confirms it. A
# bwcli that reads from a pipe does not echo what it reads, so each typed
# line is written after the prompt it answered, as a terminal shows it.
# Outputs are kept in a temporary directory and moved into the snapshot
# at the end; a capture that failed is not moved.
#
# Limits, where the expect script has none: the script cannot see the
# CLI's questions, so it answers only those the plan knows of (a
# listing's "About to filter through N entries. Continue?", and exit's);
# a question it does not know takes the next typed line as its answer. It
# cannot tell that a context is missing until the session is over (the
# capture is then not saved). It needs a bwcli that prints its prompts
# when reading from a pipe. Every capture is a new connection: log in
# with a key or an ssh ControlMaster, or type the password each time.

set -u
set -f
nl='
'
usage() {
	echo "usage: sh $0 [-f] SNAPSHOT_DIR   (BWLINT_LOGIN=\"ssh -p 2222\" sets the login command)" >&2
	exit 2
}
force=0
while [ $# -gt 0 ]; do
	case $1 in
	-f) force=1; shift ;;
	--) shift; break ;;
	-*) usage ;;
	*) break ;;
	esac
done
[ $# -eq 1 ] || usage
snapshot=$1
case $snapshot in
/* | ./* | ../*) ;;
*) snapshot=./$snapshot ;;
esac
if [ ! -d "$snapshot" ]; then
	echo "bwlint-capture: $snapshot is not a directory: create the snapshot directory first" >&2
	exit 2
fi
login=${BWLINT_LOGIN:-ssh}
dir=$snapshot/hosts/$host
shell_prompt='bwlint@capture$ '

say() { printf 'bwlint-capture: %s: %s\n' "$host" "$*" >&2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/bwlint-capture.XXXXXX") || exit 1
trap 'rm -rf -- "$work"' EXIT
trap 'exit 130' HUP INT TERM
mkdir -- "$work/files"
failed=''

there=''
IFS=$nl
for f in $files; do
	[ -e "$dir/$f" ] && there="$there $f"
done
unset IFS
if [ -n "$there" ] && [ "$force" -eq 0 ]; then
	say "$dir already holds$there: move them away, or give -f to replace them"
	exit 2
fi

# stage FILE SOURCE appends a capture to the file kept for the snapshot.
stage() {
	mkdir -p -- "$(dirname -- "$work/files/$1")" && cat -- "$2" >>"$work/files/$1"
}

# not_saved FILE REASON records a capture that failed.
not_saved() {
	[ -n "$1" ] && failed="$failed
$1"
	say "$2"
}

# shell_run COMMAND FILE MODE runs a shell command; MODE transcript saves
# the prompt and the command before the output.
shell_run() {
	if ! $login -- "$host" "$1" >"$work/raw" 2>"$work/err"; then
		not_saved "$2" "$1 failed: $(head -c 400 "$work/err")"
		return
	fi
	[ -n "$2" ] || return 0
	if [ "$3" = transcript ]; then
		{ printf '%s%s\n' "$shell_prompt" "$1"; cat -- "$work/raw"; } >"$work/out"
	else
		cp -- "$work/raw" "$work/out"
	fi
	stage "$2" "$work/out"
}

# echo_typed writes each line typed (the file named by typed) after the
# prompt or question it answered.
echo_typed='
BEGIN { while ((getline line < typed) > 0) t[++n] = line }
{ buf = buf $0 "\n" }
END {
	k = 0
	while (k < n && match(buf, /([A-Z][A-Z0-9]*_CLI(\/[^>\n]*)?> ?|Please confirm \(Yes, Y, No, N\): ?)/)) {
		printf "%s%s\n", substr(buf, 1, RSTART + RLENGTH - 1), t[++k]
		buf = substr(buf, RSTART + RLENGTH)
	}
	printf "%s", buf
}'

# cli_session FILE CONTEXTS REQUIRED LINE... types the lines in one bwcli
# session; CONTEXTS are the contexts it goes to, each of which its prompts
# must show. A context the host lacks fails the capture when REQUIRED is
# 1; 0 is for captures wanted only where the context exists.
cli_session() {
	file=$1
	contexts=$2
	required=$3
	shift 3
	printf '%s\n' "$@" exit y >"$work/typed"
	if ! $login -- "$host" bwcli <"$work/typed" >"$work/raw" 2>"$work/err"; then
		not_saved "$file" "bwcli failed${file:+ for $file}: $(head -c 400 "$work/err")"
		return
	fi
	awk -v typed="$work/typed" "$echo_typed" "$work/raw" >"$work/out"
	for c in $contexts; do
		if ! grep -qiF -- "_CLI/$c>" "$work/out"; then
			if [ "$required" -eq 1 ]; then
				not_saved "$file" "no context $c${file:+: $file not captured}"
			else
				say "no context $c here${file:+: $file not captured (captured where the context exists)}"
			fi
			return
		fi
	done
	[ -z "$file" ] || stage "$file" "$work/out"
}

# finish moves the captures into the snapshot, but those that failed.
finish() {
	saved=''
	IFS=$nl
	for f in $files; do
		case "$nl$failed$nl" in
		*"$nl$f$nl"*) continue ;;
		esac
		[ -f "$work/files/$f" ] || continue
		mkdir -p -- "$(dirname -- "$dir/$f")" && cp -- "$work/files/$f" "$dir/$f" && saved="$saved $f"
	done
	unset IFS
	say "saved in $dir:${saved:- nothing}"
	IFS=$nl
	for m in $manual; do say "still to do by hand: $m"; done
	unset IFS
	if [ -n "$failed" ]; then
		say "not captured:$(printf '%s' "$failed" | tr '\n' ' ')"
		exit 1
	fi
	exit 0
}
