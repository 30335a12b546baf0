package lint

import (
	"sync"

	"github.com/directivelint/directivelint/lint/js"
	"github.com/directivelint/directivelint/lint/resolve"
	"github.com/directivelint/directivelint/lint/source"
)

// BuiltinCacheKinds are the cache kinds every Next.js project has:
// "use cache: KIND" with one of them needs no cacheHandlers entry.
var BuiltinCacheKinds = []string{"default", "remote", "private", "static"}

// maxConfigSize is the largest Next.js config file read.
const maxConfigSize = 1 << 20

// Env answers what a rule may ask about the files around the one it checks,
// which a rule cannot read itself: whether the file is a Next.js route file
// (Pass.Route) and which cache kinds its project has (Pass.CacheKinds). The
// runner keeps one per run; it reads each Next.js config once and is safe
// for concurrent use.
type Env struct {
	resolver   *resolve.Resolver
	cacheKinds []string // from the configuration (Options.CacheKinds)

	mu      sync.Mutex
	configs map[string]*projectKinds // next.config path → what it declares
}

// projectKinds is what a Next.js config declares of cache kinds.
type projectKinds struct {
	kinds []string
	ok    bool // the config's cacheHandlers could be read
}

// NewEnv returns an Env that finds the projects with r (a new Resolver when
// nil) and knows the configured cacheKinds besides the built-in ones and
// those of each project's Next.js config.
func NewEnv(r *resolve.Resolver, cacheKinds []string) *Env {
	if r == nil {
		r = resolve.NewResolver(source.ReadProjectFile)
	}
	return &Env{resolver: r, cacheKinds: cacheKinds, configs: map[string]*projectKinds{}}
}

// Route returns the kind of Next.js app/ route file abs (an absolute path)
// is, such as "page" or "layout", or "" (see resolve.Resolver.RouteName).
func (e *Env) Route(abs string) string {
	name, _ := e.resolver.RouteName(abs)
	return name
}

// CacheKinds returns the cache kinds the project of the file abs has besides
// BuiltinCacheKinds: the keys of cacheHandlers in its Next.js config and the
// configured ones. ok is false when the file is in no Next.js project or
// its config's cacheHandlers cannot be read statically: then no kind is
// known to be missing.
func (e *Env) CacheKinds(abs string) (kinds []string, ok bool) {
	_, config, ok := e.resolver.NextProject(abs)
	if !ok {
		return nil, false
	}
	if config == "" {
		return e.cacheKinds, true
	}
	e.mu.Lock()
	pk := e.configs[config]
	e.mu.Unlock()
	if pk == nil {
		pk = &projectKinds{}
		reader := source.Reader{}
		if src, reason := reader.Read(config, maxConfigSize); reason == "" {
			pk.kinds, pk.ok = js.CacheHandlerKinds(src)
		}
		e.mu.Lock()
		e.configs[config] = pk
		e.mu.Unlock()
	}
	if !pk.ok {
		return nil, false
	}
	return append(pk.kinds[:len(pk.kinds):len(pk.kinds)], e.cacheKinds...), true
}

// Resolver returns the resolver the Env asks.
func (e *Env) Resolver() *resolve.Resolver { return e.resolver }
