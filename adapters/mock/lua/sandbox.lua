-- The globals a script sees, as Redis 7 gives them: Lua 5.1's library (see
-- lua51-compat), `redis`, `cjson`, `bit`, KEYS and ARGV. Like Redis, reading a global that
-- does not exist and creating a global are errors; the libraries are read-only. Each run
-- gets its own environment, so KEYS and ARGV belong to that run alone.
local compat = require('lua51-compat')
local redis = require('redis-lib').redis
local cjson = require('cjson')
local bit = require('bit')

local function refuse_write()
  error('Attempt to modify a readonly table', 2)
end

-- Redis 7's pcall: an error raised as `{ err = text }` (a failed redis.call) is caught as its text.
local function redis_pcall(f, ...)
  local result = table.pack(pcall(f, ...))
  if not result[1] and type(result[2]) == 'table' and type(result[2].err) == 'string' then
    return false, result[2].err
  end
  return table.unpack(result, 1, result.n)
end

local function readonly(library)
  return setmetatable({}, { __index = library, __newindex = refuse_write, __metatable = false })
end

local shared = {
  _VERSION = 'Lua 5.1',
  assert = assert,
  error = error,
  getmetatable = getmetatable,
  ipairs = ipairs,
  next = next,
  pairs = pairs,
  pcall = redis_pcall,
  rawequal = rawequal,
  rawget = rawget,
  rawset = rawset,
  select = select,
  setmetatable = setmetatable,
  tonumber = compat.tonumber,
  tostring = compat.tostring,
  type = type,
  unpack = compat.unpack,
  xpcall = xpcall,
  collectgarbage = function() return 0 end,
  string = readonly(string),
  table = readonly(table),
  math = readonly(math),
  coroutine = readonly(coroutine),
  cjson = readonly(cjson),
  bit = readonly(bit),
  redis = readonly(redis),
}

local environment = {
  __index = function(_, name)
    local value = shared[name]
    if value == nil then
      error("Script attempted to access nonexistent global variable '" .. tostring(name) .. "'", 2)
    end
    return value
  end,
  __newindex = refuse_write,
}

local sandbox = {}

-- A fresh environment for one run of a script.
function sandbox.new(keys, argv)
  local env = { KEYS = keys, ARGV = argv }
  env._G = env
  env.loadstring = function(source, name)
    return load(source, name, 't', env)
  end
  return setmetatable(env, environment)
end

return sandbox
