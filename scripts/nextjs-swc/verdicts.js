// Runs Next.js's own SWC transform over every fixture under a directory
// the way `next build` (webpack) does for the App Router's layers, and
// writes, beside each fixture NAME, a golden file NAME.nextjs.json with the
// errors Next.js stops on. rules/nextjs_test.go compares them with what
// directivelint reports. Run it through run.sh, which installs the pinned
// `next` first.
//
//   node verdicts.js DIR
//
// The options are the ones the build computes: next-swc-loader calls
// getLoaderSWCOptions (next/dist/build/swc/options.js) with its loader
// options, which webpack-config.js sets per layer (swcServerLayerLoader:
// serverComponents true, bundleLayer "rsc", esm true; swcSSRLayerLoader and
// swcBrowserLayerLoader: the same with "ssr" and "app-pages-browser"), and
// the next.config defaults of a project with cacheComponents on
// (server/config.js then sets experimental.useCache; config-shared.js has
// the default cacheHandlers).
'use strict'

const fs = require('fs')
const path = require('path')
const { loadBindings, transform } = require('next/dist/build/swc')
const { getLoaderSWCOptions } = require('next/dist/build/swc/options')
const nextVersion = require('next/package.json').version

const extensions = new Set(['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.mts', '.cts'])

// The layers a module is compiled for: every module of the server's React
// tree goes through "rsc"; a 'use client' module also through the client
// layers, for server-side rendering and for the browser.
const layers = {
  rsc: { isServer: true },
  ssr: { isServer: true },
  'app-pages-browser': { isServer: false },
}

function fixtures(dir) {
  const out = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name)
    if (entry.isDirectory() && entry.name !== 'node_modules') {
      out.push(...fixtures(p))
    } else if (entry.isFile() && extensions.has(path.extname(entry.name)) && !entry.name.endsWith('.d.ts')) {
      out.push(p)
    }
  }
  return out.sort()
}

// isClient reports whether the module's directive prologue (after comments)
// holds 'use client'.
function isClient(src) {
  let s = src.replace(/^#!.*/, '')
  for (;;) {
    s = s.replace(/^\s+/, '')
    let m
    if ((m = /^\/\/.*/.exec(s)) || (m = /^\/\*[\s\S]*?\*\//.exec(s))) {
      s = s.slice(m[0].length)
      continue
    }
    if ((m = /^(['"])([^'"\n]*)\1\s*;?/.exec(s))) {
      if (m[2] === 'use client') return true
      s = s.slice(m[0].length)
      continue
    }
    return false
  }
}

function options(root, filename, layer) {
  return getLoaderSWCOptions({
    filename,
    development: false,
    isServer: layers[layer].isServer,
    pagesDir: undefined,
    appDir: path.join(root, 'app'),
    isPageFile: false,
    isCacheComponents: true,
    hasReactRefresh: false,
    configDir: root,
    jsConfig: { compilerOptions: {} },
    supportedBrowsers: undefined,
    swcCacheDir: undefined,
    relativeFilePathFromRoot: path.relative(root, filename),
    serverComponents: true,
    serverReferenceHashSalt: '',
    bundleLayer: layer,
    esm: true,
    cacheHandlers: { default: undefined, remote: undefined, static: undefined },
    useCacheEnabled: true,
    taintEnabled: false,
    pageExtensions: ['tsx', 'ts', 'jsx', 'js'],
  })
}

// parseErrors turns the text of a failed transform into its diagnostics:
// each starts with "x MESSAGE" (continued on "| " lines) and is followed
// by its place, ",-[FILE:LINE:COLUMN]".
function parseErrors(text) {
  const lines = text.replace(/\u001b\[[0-9;]*m/g, '').split('\n')
  const errors = []
  let current = null
  for (const line of lines) {
    let m
    if ((m = /^\s*(?:[×x]) (.*)$/.exec(line))) {
      current = { message: m[1].trim() }
      errors.push(current)
    } else if (current && current.line === undefined && (m = /^\s*\|\s?(.*)$/.exec(line))) {
      if (m[1].trim() !== '') current.message += '\n' + m[1].trim()
    } else if (current && current.line === undefined && (m = /,-\[.*:(\d+):(\d+)\]/.exec(line))) {
      current.line = Number(m[1])
      current.column = Number(m[2])
    } else if (/^Stack backtrace:/.test(line)) {
      break
    }
  }
  if (errors.length === 0) {
    errors.push({ message: text.split('\n')[0].trim() })
  }
  return errors
}

async function main() {
  const root = path.resolve(process.argv[2] || path.join(__dirname, '..', '..', 'testdata', 'nextjs'))
  await loadBindings()
  let failing = 0
  const files = fixtures(root)
  for (const filename of files) {
    const src = fs.readFileSync(filename, 'utf8')
    const used = isClient(src) ? ['rsc', 'ssr', 'app-pages-browser'] : ['rsc']
    const byKey = new Map()
    for (const layer of used) {
      const opts = options(root, filename, layer)
      try {
        await transform(src, { ...opts, filename, sourceFileName: filename })
      } catch (err) {
        const text = String((err && err.message) || err).split(root + path.sep).join('')
        for (const e of parseErrors(text)) {
          const key = `${e.line}:${e.column}:${e.message}`
          if (!byKey.has(key)) byKey.set(key, { line: e.line, column: e.column, message: e.message, layers: [] })
          byKey.get(key).layers.push(layer)
        }
      }
    }
    const errors = [...byKey.values()].sort((a, b) => (a.line || 0) - (b.line || 0) || (a.column || 0) - (b.column || 0) || a.message.localeCompare(b.message))
    if (errors.length > 0) failing++
    const verdict = { next: nextVersion, layers: used, errors }
    fs.writeFileSync(filename + '.nextjs.json', JSON.stringify(verdict, null, 2) + '\n')
  }
  console.log(`next ${nextVersion}: ${files.length} fixtures, ${failing} with errors, ${files.length - failing} accepted`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
