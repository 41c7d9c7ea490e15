/**
 * The Lua VM the mock runs scripts on: Lua 5.4 (wasmoon, compiled to WebAssembly and
 * shipped inside its npm package), one per process, with Redis' script environment on
 * top (the `.lua` files in `lua/`). Redis' Lua 5.1 has only doubles; 5.4's 64-bit
 * integers and doubles give the same results for the integers Redis code uses (times in
 * ms, counters up to 2^53), where ioredis-mock's fengari has 32-bit integers.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type LuaEngine, LuaFactory } from 'wasmoon';

/** The environment's modules, in `lua/`, loaded with `require` by `run-script.lua`. */
const modules = ['lua51-compat', 'lua51-syntax', 'bit', 'cjson', 'sandbox', 'redis-lib', 'reply'] as const;

const readLua = (name: string) => readFileSync(new URL(`./lua/${name}.lua`, import.meta.url), 'utf8');

const BOOT = `
for name, source in pairs(__js_modules) do package.preload[name] = assert(load(source, '=' .. name)) end
__js_modules = nil
assert(load(__js_main, '=run-script'))()
__js_main = nil
`;

let engine: Promise<LuaEngine> | undefined;

async function createEngine(): Promise<LuaEngine> {
  const lua = await new LuaFactory().createEngine({ injectObjects: false, enableProxy: false });
  lua.global.set('__js_modules', Object.fromEntries(modules.map((name) => [name, readLua(name)])));
  lua.global.set('__js_main', readLua('run-script'));
  lua.global.set('__js_sha1hex', (text: string) => createHash('sha1').update(text).digest('hex'));
  lua.doStringSync(BOOT);
  return lua;
}

/** The process's Lua VM, created on first use. */
export function luaEngine(): Promise<LuaEngine> {
  engine ??= createEngine();
  return engine;
}

/**
 * Calls the global Lua function `name` with `args` and returns all its results. Only
 * strings and numbers cross (wasmoon's conversion of tables is slow). Synchronous: a
 * script waits for its commands by yielding from its own coroutine (see
 * `lua/run-script.lua`), never here.
 */
export function callLua(lua: LuaEngine, name: string, args: readonly (string | number)[]): (string | number)[] {
  const { global } = lua;
  const top = global.getTop();
  try {
    if (!global.lua.lua_checkstack(global.address, args.length + 1)) {
      throw new RangeError(`Too many values for the mock's Lua stack: ${args.length}`);
    }
    global.lua.lua_getglobal(global.address, name);
    for (const arg of args) global.pushValue(arg);
    return [...global.runSync(args.length)] as (string | number)[];
  } finally {
    global.setTop(top);
  }
}

/** How long the mock lets a script's Lua run before it stops it with a BUSY error (5 s by default). */
export async function setScriptTimeLimit(ms: number): Promise<void> {
  callLua(await luaEngine(), '__redis_set_time_limit', [ms / 1000]);
}
