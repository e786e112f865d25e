package bwcli

import "github.com/bwlint/bwlint/inputs/source"

// Arenas are the chunks that readers carve the model from, handed from
// one reader to the next. A snapshot is thousands of files of a few dozen
// commands each; arenas of their own, doubling from a few elements, left a
// third to half of each file's last chunks empty. Readers that share
// Arenas, one after another, carve from the same chunks, so only the
// chunks' tails at the end are wasted. Share them within one load only:
// the chunks hold every file's values that were carved from them, so a
// later load's values would keep an earlier load's files alive.
//
// Arenas may be used by one Reader at a time: a Reader takes them when it
// is made and lets go of them when its Result is taken.
type Arenas struct{ a arenas }

// NewArenas returns empty Arenas.
func NewArenas() *Arenas { return &Arenas{} }

type arenas struct {
	cmdArena   arena[Command]
	kvArena    arena[KV]
	textArena  arena[source.Value]
	valArena   arena[source.Value] // columns and cells
	rowArena   arena[Row]
	tableArena arena[Table]
	tptrArena  arena[*Table]

	// out is the parser's buffer of a command's output lines: not part
	// of the model, but grown anew for every file it was a tenth of what
	// a load allocated.
	out []source.Line
}

// release drops the elements still open and the lines of the output
// buffer, so that the next reader starts clean and no file's lines are
// kept alive by a buffer only.
func (a *arenas) release() {
	a.cmdArena.discard()
	a.kvArena.discard()
	a.textArena.discard()
	a.valArena.discard()
	a.rowArena.discard()
	a.tableArena.discard()
	a.tptrArena.discard()
	clear(a.out[:cap(a.out)])
	a.out = a.out[:0]
}

// arena hands out slices carved from shared chunks. A large transcript has
// hundreds of thousands of commands, attributes and table rows; giving each
// its own growing slice made allocation and garbage collection most of the
// parse time. Chunks start small and double, so a one-command file does not
// pay for a large chunk. Every slice handed out has its capacity capped at
// its length, so appending to it never writes into a neighbour.
type arena[T any] struct {
	buf  []T
	next int // size of the next chunk
	open int // start of the open slice in buf; see push
}

const (
	arenaFirst = 8
	arenaMax   = 2048
)

// alloc returns a zeroed slice of n elements, which must not be called
// while a slice is open (see push); nil when n is 0, so that empty
// results compare like the nil slices of an unparsed command.
func (a *arena[T]) alloc(n int) []T {
	if n == 0 {
		return nil
	}
	if cap(a.buf)-len(a.buf) < n {
		a.next = min(max(2*a.next, arenaFirst), arenaMax)
		a.buf = make([]T, 0, max(n, a.next))
	}
	l := len(a.buf)
	a.buf = a.buf[:l+n]
	a.open = len(a.buf)
	return a.buf[l : l+n : l+n]
}

// one returns a pointer to a new zero element.
func (a *arena[T]) one() *T {
	return &a.alloc(1)[0]
}

// push appends v to the arena's open slice: the elements pushed since the
// last close, built in place so that they need no copy when closed. When
// the chunk runs out, the open elements move to a new chunk.
func (a *arena[T]) push(v T) {
	if len(a.buf) == cap(a.buf) {
		open := a.buf[a.open:]
		a.next = min(max(2*a.next, arenaFirst), arenaMax)
		a.buf = make([]T, len(open), max(2*len(open), a.next))
		copy(a.buf, open)
		a.open = 0
	}
	a.buf = append(a.buf, v)
}

// close returns the open slice, nil when nothing was pushed, and starts a
// new one.
func (a *arena[T]) close() []T {
	s := a.buf[a.open:len(a.buf):len(a.buf)]
	a.open = len(a.buf)
	if len(s) == 0 {
		return nil
	}
	return s
}

// discard drops the elements pushed since the last close.
func (a *arena[T]) discard() {
	clear(a.buf[a.open:])
	a.buf = a.buf[:a.open]
}
