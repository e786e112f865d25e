package bwcli

import (
	"sync"

	"github.com/bwlint/bwlint/inputs/source"
)

// arenas are the arenas of one parser. A snapshot is thousands of files of
// a few dozen commands each; arenas of their own, doubling from a few
// elements, left a third to half of each file's last chunks empty. A
// finished parser hands its arenas on to the next file read, which carves
// its slices from the same chunks: only the chunks' tails at the end of
// the whole load are wasted.
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

var arenaPool = sync.Pool{New: func() any { return new(arenas) }}

func takeArenas() *arenas { return arenaPool.Get().(*arenas) }

// giveArenas returns a finished parser's arenas to the pool. Every slice
// handed out is capped at its length, so the next parser's slices never
// reach into them; elements still open are dropped.
func giveArenas(a *arenas) {
	a.cmdArena.discard()
	a.kvArena.discard()
	a.textArena.discard()
	a.valArena.discard()
	a.rowArena.discard()
	a.tableArena.discard()
	a.tptrArena.discard()
	clear(a.out[:cap(a.out)]) // no file's lines kept alive by the pool
	arenaPool.Put(a)
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
