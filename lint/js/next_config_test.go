package js

import (
	"slices"
	"testing"
)

func TestCacheHandlerKinds(t *testing.T) {
	for _, tt := range []struct {
		name, src string
		want      []string
		ok        bool
	}{
		{"no cacheHandlers", "module.exports = { reactStrictMode: true, images: { remotePatterns: [{ hostname: 'x' }] } }", nil, true},
		{"empty file", "", nil, true},
		{"top level", `/** @type {import('next').NextConfig} */
const nextConfig = {
  cacheComponents: true,
  cacheHandlers: {
    default: require.resolve('./default-handler.js'),
    redis: require.resolve("./redis-handler.js"),
    'my-kind': path.join(__dirname, 'h.js'),
    "quoted\u0041": 'x',
    shorthand,
  },
  webpack: (config) => { config.module.rules.push({ test: /\.svg$/, use: ['@svgr/webpack'] }); return config },
}
module.exports = nextConfig`, []string{"default", "redis", "my-kind", "quotedA", "shorthand"}, true},
		{"experimental, TypeScript", `import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  experimental: {
    useCache: true,
    cacheHandlers: {
      sessions: new URL("./sessions.ts", import.meta.url).pathname,
      "edge-kv": ` + "`${root}/kv.ts`" + `,
    } satisfies Record<string, string>,
  },
};

export default withSentry(nextConfig);`, []string{"sessions", "edge-kv"}, true},
		{"both places", "export default { cacheHandlers: { a: 'a' }, experimental: { cacheHandlers: { b: fn({ c: 1 }) } } }", []string{"a", "b"}, true},
		{"assigned", "const config = {}\nconfig.cacheHandlers = { remote2: './r.js' }\nexport default config", []string{"remote2"}, true},
		{"member read", "if (config.cacheHandlers) { log(config.cacheHandlers.x) }\nexport default { cacheHandlers: { z: 1 } }", []string{"z"}, true},
		{"a variable", "const handlers = getHandlers()\nexport default { cacheHandlers: handlers }", nil, false},
		{"a call", "export default { cacheHandlers: loadHandlers() }", nil, false},
		{"shorthand", "const cacheHandlers = load()\nexport default { cacheHandlers }", nil, false},
		{"a spread", "export default { cacheHandlers: { ...base, extra: 'x' } }", nil, false},
		{"a computed key", "export default { cacheHandlers: { [name]: 'x' } }", nil, false},
		{"unclosed", "export default { cacheHandlers: { a: 'x'", nil, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := CacheHandlerKinds([]byte(tt.src))
			if ok != tt.ok || !slices.Equal(got, tt.want) {
				t.Errorf("CacheHandlerKinds = %q, %v; want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// FuzzCacheHandlerKinds checks that any input is read without a panic or a
// hang, and that a config it reads gives each kind as a key of the source.
func FuzzCacheHandlerKinds(f *testing.F) {
	for _, s := range []string{
		"export default { cacheHandlers: { a: 1, 'b': `x${y}`, c: /re/g } }",
		"module.exports = { cacheHandlers: { [k]: 1 } }",
		"x.cacheHandlers = { a: () => { return {} } }",
		"cacheHandlers: { a: `${", "{ cacheHandlers: { a: '\\u{41}' } }", "cacheHandlers = {", "/",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kinds, ok := CacheHandlerKinds([]byte(s))
		if !ok && kinds != nil {
			t.Errorf("CacheHandlerKinds(%q) = %q, false: kinds of an unreadable config", s, kinds)
		}
	})
}
