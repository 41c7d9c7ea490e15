-- Compiles and runs scripts as Redis 7 does, for the mock adapter (see lua-engine.ts).
-- Each run is a coroutine: when the script calls `redis.call`, it yields the command line
-- and the JS side runs it and resumes the run with the reply. Every function here is
-- called synchronously from JS, with and returning only strings and numbers:
-- `'call', id, name, arg…` (a command to run, then `__redis_resume(id, reply tokens…)`),
-- `'reply', tokens…` (the script's value as reply.lua encodes it), or
-- `'raised', 'CODE message', line` (the script raised an error at that line).
local sandbox = require('sandbox')
local REQUEST = require('redis-lib').REQUEST
local reply = require('reply')
local compat = require('lua51-compat')
local getinfo = debug.getinfo

local compiled = {}
local runs = {}
local last_id = 0

-- nil, or the compile error as Redis words it (after `Error compiling script (new function): `).
function __redis_compile(sha, source)
  if compiled[sha] then return nil end
  -- `local _ENV = ...` on the script's first line: each run passes its own environment.
  -- `return redis.call(…)` becomes `return (redis.call(…))`: not a tail call, so that an
  -- error knows the script's line (Lua 5.1 never tail-calls Redis' C functions).
  local body = source:gsub('(return%s+)(redis%s*%.%s*p?call%s*%b())', '%1(%2)')
  local chunk, problem = load('local _ENV = ...; ' .. body, '@user_script', 't')
  if not chunk then return (problem:gsub('near <eof>', "near '<eof>'")) end
  compiled[sha] = chunk
  return nil
end

-- The script's line where the error was raised: the innermost frame of the script's code.
local function script_line()
  for level = 3, 100 do
    local info = getinfo(level, 'Sl')
    if not info then break end
    if info.short_src == 'user_script' and info.currentline > 0 then return info.currentline end
  end
  return 0
end

local function on_error(problem)
  local text
  if type(problem) == 'table' and type(problem.err) == 'string' then
    text = problem.err
  else
    text = 'ERR ' .. compat.tostring(problem)
  end
  return { text = text, line = script_line() }
end

local function step(id, ok, first, ...)
  local run = runs[id]
  if not ok then
    runs[id] = nil
    return 'raised', 'ERR ' .. compat.tostring(first), 0
  end
  if coroutine.status(run) == 'dead' then
    runs[id] = nil
    return first, ...
  end
  if first ~= REQUEST then
    runs[id] = nil
    return 'raised', 'ERR attempt to yield from outside a coroutine', 0
  end
  return 'call', id, ...
end

local function finish(ok, result)
  if not ok then return 'raised', result.text, result.line end
  local tokens = reply.encode(result)
  return 'reply', table.unpack(tokens, 1, tokens.n)
end

-- Starts a run of a compiled script: the first `key_count` of the arguments are KEYS, the rest ARGV.
function __redis_start(sha, key_count, ...)
  local chunk = compiled[sha]
  if not chunk then return 'raised', 'NOSCRIPT No matching script. Please use EVAL.', 0 end
  local args = table.pack(...)
  local keys = table.move(args, 1, key_count, 1, {})
  local argv = table.move(args, key_count + 1, args.n, 1, {})
  local env = sandbox.new(keys, argv)
  local run = coroutine.create(function() return finish(xpcall(chunk, on_error, env)) end)
  last_id = last_id + 1
  runs[last_id] = run
  return step(last_id, coroutine.resume(run))
end

function __redis_resume(id, ...)
  return step(id, coroutine.resume(runs[id], ...))
end
