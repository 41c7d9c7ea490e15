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
local lua51_syntax = require('lua51-syntax')
local getinfo, sethook, clock = debug.getinfo, debug.sethook, os.clock

local compiled = {}
local runs = {}
local last_id = 0

-- Redis runs a script that never ends for ever (and answers BUSY to everyone else); the
-- mock stops it after this many seconds of Lua, so that a spec fails instead of hanging.
local time_limit = 5

function __redis_set_time_limit(seconds)
  time_limit = seconds
end

local function stop_after_time_limit(run)
  local deadline = clock() + time_limit
  sethook(run, function()
    if clock() > deadline then
      error({ err = 'BUSY the in-memory mock stopped this script after ' .. time_limit ..
        ' s of Lua: Redis would run it for ever and answer BUSY to every other client' }, 0)
    end
  end, '', 10000)
end

-- nil, or the compile error as Redis words it (after `Error compiling script (new function): `).
function __redis_compile(sha, source)
  if compiled[sha] then return nil end
  -- `local _ENV = ...` on the script's first line: each run passes its own environment.
  -- `return redis.call(…)` becomes `return (redis.call(…))`: not a tail call, so that an
  -- error knows the script's line (Lua 5.1 never tail-calls Redis' C functions).
  local body = source:gsub('(return%s+)(redis%s*%.%s*p?call%s*%b())', '%1(%2)')
  local chunk, problem = load('local _ENV = ...; ' .. body, '@user_script', 't')
  if not chunk then return (problem:gsub('near <eof>', "near '<eof>'")) end
  local refused = lua51_syntax.check(source)
  if refused then return refused end
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

-- Lua 5.4 names the culprit after the problem, 5.1 (Redis) before it:
-- "attempt to index a nil value (local 'x')" → "attempt to index local 'x' (a nil value)".
local function lua51_wording(message)
  return (message:gsub("attempt to ([%a ]+) a (%a+) value %((%a+) '([^']*)'%)", "attempt to %1 %3 '%4' (a %2 value)"))
end

local function on_error(problem)
  local text
  if type(problem) == 'table' and type(problem.err) == 'string' then
    text = problem.err
  elseif type(problem) == 'string' then
    text = 'ERR ' .. lua51_wording(problem)
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
  stop_after_time_limit(run)
  last_id = last_id + 1
  runs[last_id] = run
  return step(last_id, coroutine.resume(run))
end

function __redis_resume(id, ...)
  return step(id, coroutine.resume(runs[id], ...))
end
