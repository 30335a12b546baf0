// Constructs on which the scanner and TypeScript agree, kept as regression cases for scripts/tsdiff.
const f3 = async (): Promise<{ a: string }> => { 'use server'; return { a: '' }; };
const f4 = <T,>(x: T): T => { 'use server'; return x; };
let f5: (x: number) => void = (x) => {};
type F = (x: number) => void;
declare function amb(): void;
declare module 'x' { export function g(): void }
export function over(a: string): void;
export function over(a: any) {}
export declare function dec(): void;
export const enum CE { A }
export enum E { A }
namespace NS { 'use server'; export const x = 1; export function inner() { 'use server' } }
export namespace NS2 { export const y = 1; }
interface I { m(): void; get g(): number; }
export type { I };
export { type F, f3 };
export const a = 1, b = () => {}, c = async function () {};
export async function* gen() {}
abstract class Abs { abstract m(): void; m2?(): void; static async *[Symbol.iterator]() {} declare x: number; @dec2() decorated() {} }
function dec2() { return (..._a: any[]) => {}; }
class C2 { handler: () => void = async () => {}; 'use server'() {} static { 'use server'; } get 'q'() { return 1; } set 1(v) {} constructor(private p = () => {}) { 'use strict'; } }
const o = { get() {}, set: 1, async() {}, static() {}, async *ag() {}, [Symbol.iterator]: () => {}, 'quoted-key': () => {}, 1: () => {}, m() { 'use server' } };
o.method = async function () {};
(globalThis as any).handler = () => {};
const arr: any[] = []; arr[0] = () => {};
let { z1 = () => {} } = {} as any;
function withDefault(cb = () => {}) { if (cb) 'use server'; label: { 'use server'; } }
let q: any; q ??= () => {};
const tpl = `${() => { 'use server' }}`;
const re = 1 / 2; const re2 = /'use server'/.test('x');
const nc = new (class { m() {} })();
