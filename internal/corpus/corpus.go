// Package corpus generates a deterministic tree of realistic Next.js source
// files for benchmarks: client components with JSX, server action modules,
// route files, utilities with TypeScript types. No network, no randomness
// beyond a fixed seed.
package corpus

import (
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

// File is one generated source file.
type File struct {
	Path   string
	Source []byte
}

// Generate returns n files, the same for the same n and seed.
func Generate(n int, seed int64) []File {
	r := rand.New(rand.NewSource(seed))
	files := make([]File, 0, n)
	for i := 0; i < n; i++ {
		var path, src string
		switch i % 5 {
		case 0:
			path, src = fmt.Sprintf("app/route%d/page.tsx", i), page(r, i)
		case 1:
			path, src = fmt.Sprintf("components/widget%d.tsx", i), clientComponent(r, i)
		case 2:
			path, src = fmt.Sprintf("app/actions/action%d.ts", i), actions(r, i)
		case 3:
			path, src = fmt.Sprintf("lib/util%d.ts", i), utility(r, i)
		default:
			path, src = fmt.Sprintf("scripts/legacy%d.js", i), legacy(r, i)
		}
		files = append(files, File{Path: path, Source: []byte(src)})
	}
	return files
}

// WriteTree writes Generate(n, seed) below dir and returns the total size.
func WriteTree(dir string, n int, seed int64) (int64, error) {
	var total int64
	for _, f := range Generate(n, seed) {
		p := filepath.Join(dir, f.Path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return total, err
		}
		if err := os.WriteFile(p, f.Source, 0o644); err != nil {
			return total, err
		}
		total += int64(len(f.Source))
	}
	return total, nil
}

func repeat(r *rand.Rand, lo, hi int, f func(k int) string) string {
	var b strings.Builder
	n := lo + r.Intn(hi-lo+1)
	for k := 0; k < n; k++ {
		b.WriteString(f(k))
	}
	return b.String()
}

func page(r *rand.Rand, i int) string {
	return fmt.Sprintf(`import { Suspense } from 'react'
import { notFound } from 'next/navigation'
import { getItems, type Item } from '@/lib/util%d'
import Widget from '@/components/widget%d'

export const revalidate = 60

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const items: Item[] = await getItems(id)
  if (!items.length) notFound()
  return (
    <main className="mx-auto max-w-4xl p-4">
      <h1 className="text-2xl font-bold">Items for {id} — don't panic</h1>
      <Suspense fallback={<p>Loading…</p>}>
%s      </Suspense>
    </main>
  )
}
`, i+3, i+1, repeat(r, 5, 30, func(k int) string {
		return fmt.Sprintf("        <Widget key=\"%d\" item={items[%d]} label={`item ${%d}`} onSelect={undefined} />\n", k, k, k)
	}))
}

func clientComponent(r *rand.Rand, i int) string {
	return fmt.Sprintf(`'use client'

import { useState, useTransition } from 'react'
import { save%d } from '@/app/actions/action%d'

type Props = { item?: { id: string; name: string }; label: string; onSelect?: (id: string) => void }

export default function Widget%d({ item, label, onSelect }: Props) {
  const [open, setOpen] = useState<boolean>(false)
  const [pending, start] = useTransition()
  const ratio = (item?.name.length ?? 0) / 2
  const valid = /^[a-z]+$/i.test(label)
%s
  return (
    <div className={open ? 'open' : 'closed'} data-ratio={ratio}>
      <button onClick={() => setOpen(!open)} disabled={pending}>
        {label} {valid && <span>✓</span>}
      </button>
      {open && (
        <ul>
          {[1, 2, 3].map((n) => (
            <li key={n} onClick={() => start(async () => { await save%d(String(n)); onSelect?.(item!.id) })}>
              {n > 1 ? <b>{n}</b> : <i>{n}</i>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
`, i+1, i+1, i, repeat(r, 3, 25, func(k int) string {
		return fmt.Sprintf("  const handler%d = (e: React.MouseEvent<HTMLElement>) => { e.preventDefault(); setOpen((o) => !o && %d > 0) }\n", k, k)
	}), i+1)
}

func actions(r *rand.Rand, i int) string {
	return fmt.Sprintf(`'use server'

import { z } from 'zod'
import { revalidatePath } from 'next/cache'
import { db } from '@/lib/db'

const schema = z.object({ id: z.string().min(1), name: z.string().max(100) })

export type State = { ok: boolean; message?: string }

%s`, repeat(r, 3, 12, func(k int) string {
		return fmt.Sprintf(`export async function save%d(id: string, prev?: State): Promise<State> {
  const parsed = schema.safeParse({ id, name: `+"`n-${id}-%d`"+` })
  if (!parsed.success) return { ok: false, message: parsed.error.message }
  await db.item.update({ where: { id: parsed.data.id }, data: { name: parsed.data.name } })
  revalidatePath('/items/' + id)
  return { ok: true }
}

`, i*100+k, k)
	}))
}

func utility(r *rand.Rand, i int) string {
	return fmt.Sprintf(`import 'server-only'

export interface Item { id: string; name: string; tags: Array<Map<string, number>> }

export enum Kind { A = 'a', B = 'b' }

export async function getItems(id: string): Promise<Item[]> {
  const res = await fetch(`+"`https://example.com/api/${id}`"+`, { next: { revalidate: 60 } })
  return (await res.json()) as Item[]
}
%s`, repeat(r, 5, 40, func(k int) string {
		return fmt.Sprintf(`
export function helper%d<T extends object>(value: T, factor = %d): T & { n: number } {
  // divide, not a regex: a / b / c
  const n = (Object.keys(value).length / factor) / 2
  return { ...value, n }
}
`, k, k+1)
	}))
}

func legacy(r *rand.Rand, i int) string {
	return fmt.Sprintf(`#!/usr/bin/env node
'use strict'
/* eslint-disable */
const path = require('path')
module.exports = function legacy%d(args) {
  var out = []
%s  return out.join('\n')
}
`, i, repeat(r, 5, 40, func(k int) string {
		return fmt.Sprintf("  for (var i%d = 0; i%d < args.length; i%d++) { if (/x%d/.test(args[i%d])) out.push(path.join('a', String(i%d / 2))) }\n", k, k, k, k, k, k)
	}))
}
