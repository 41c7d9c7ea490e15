-- Compiles and runs scripts as Redis 7 does, for the mock adapter (see lua-engine.ts).
-- Each run is a coroutine: when the script calls `redis.call`, it yields the command line
-- and the JS side runs it and resumes the run with the answer. Every function here is
-- called synchronously from JS and returns one table:
-- `{ id = n, command = { … } }` (a command to run, then `__redis_resume(n, answer)`),
-- `{ reply = … }` (the script's value, converted by reply.lua), or
-- `{ raised = 'CODE message', line = n }` (the script raised an error at that line).
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
    return { raised = 'ERR ' .. compat.tostring(first), line = 0 }
  end
  if coroutine.status(run) == 'dead' then
    runs[id] = nil
    return first
  end
  if first ~= REQUEST then
    runs[id] = nil
    return { raised = 'ERR attempt to yield from outside a coroutine', line = 0 }
  end
  return { id = id, command = { ... } }
end

function __redis_start(sha, keys, argv)
  local chunk = compiled[sha]
  if not chunk then return { raised = 'NOSCRIPT No matching script. Please use EVAL.', line = 0 } end
  local env = sandbox.new(keys, argv)
  local run = coroutine.create(function()
    local ok, result = xpcall(chunk, on_error, env)
    if not ok then return { raised = result.text, line = result.line } end
    return { reply = reply.convert(result) }
  end)
  last_id = last_id + 1
  runs[last_id] = run
  return step(last_id, coroutine.resume(run))
end

function __redis_resume(id, answer)
  return step(id, coroutine.resume(runs[id], answer))
end
