package corpus

// rng is SplitMix64. The corpus carries its own generator instead of
// math/rand so that a seed means the same articles in every Go release.
type rng struct{ state uint64 }

// newRNG starts the stream of article i of the corpus for seed at its own
// point of the generator's cycle, so articles do not share draws.
func newRNG(seed int64, i int) *rng {
	return &rng{state: mix(mix(uint64(seed)) ^ uint64(i))}
}

func mix(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

func (r *rng) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	return mix(r.state)
}

// intn returns a number in [0, n). The modulo bias is far below anything a
// benchmark corpus could show.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// chance reports true with probability percent/100.
func (r *rng) chance(percent int) bool { return r.intn(100) < percent }

func pick[T any](r *rng, items []T) T { return items[r.intn(len(items))] }
