-- The `redis` table scripts see. `redis.call` and `redis.pcall` yield the command line to
-- the JS side (see run-script.lua), which runs it on the mock adapter's own command path,
-- so every emulation applies in scripts too, and resumes with the reply's tokens (see
-- reply.lua).
local format, pack, unpack, select = string.format, table.pack, table.unpack, select
local compat = require('lua51-compat')
local reply = require('reply')
local js_sha1hex = __js_sha1hex

local function failure(raise, text)
  if raise then error({ err = text }, 0) end
  return { err = text }
end

-- The command line as Redis 7.0 takes it from a script: strings, and numbers as `%.17g`.
local function command_line(...)
  local count = select('#', ...)
  if count == 0 then return nil, 'ERR Please specify at least one argument for this redis lib call' end
  local args = pack(...)
  for i = 1, count do
    local value = args[i]
    if type(value) == 'number' then
      args[i] = format('%.17g', value)
    elseif type(value) ~= 'string' then
      return nil, 'ERR Lua redis lib command arguments must be strings or integers'
    end
  end
  return args
end

-- What run-script.lua looks for in what a script's coroutine yields.
local REQUEST = {}

local function run_command(raise, ...)
  local args, problem = command_line(...)
  if not args then return failure(raise, problem) end
  local answer = reply.decode(pack(coroutine.yield(REQUEST, unpack(args, 1, args.n))), 1)
  if type(answer) == 'table' and answer.err ~= nil then return failure(raise, answer.err) end
  return answer
end

-- `-CODE message` or `message` (then the code is ERR), as Redis 7's error_reply reads it.
local function error_reply(message)
  if type(message) ~= 'string' then error('wrong number or type of arguments', 2) end
  local text = message:gsub('^%-', '')
  if not text:find(' ', 1, true) then text = 'ERR ' .. text end
  return { err = text }
end

local function status_reply(message)
  if type(message) ~= 'string' then error('wrong number or type of arguments', 2) end
  return { ok = message }
end

local shared = {
  error_reply = error_reply,
  status_reply = status_reply,
  sha1hex = function(text) return js_sha1hex(compat.tostring(text)) end,
  log = function() end,
  LOG_DEBUG = 0,
  LOG_VERBOSE = 1,
  LOG_NOTICE = 2,
  LOG_WARNING = 3,
  setresp = function() end,
  set_repl = function() end,
  replicate_commands = function() return true end,
  REPL_NONE = 0,
  REPL_AOF = 1,
  REPL_SLAVE = 2,
  REPL_REPLICA = 2,
  REPL_ALL = 3,
  breakpoint = function() return false end,
  debug = function() end,
}

shared.call = function(...) return run_command(true, ...) end
shared.pcall = function(...) return run_command(false, ...) end

return { REQUEST = REQUEST, redis = shared }
