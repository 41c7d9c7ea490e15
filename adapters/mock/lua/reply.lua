-- Values cross between the JS side and Lua as flat lists of tokens, in RESP's shape, so
-- that only strings and numbers cross: `'$', s` a string, `':', n` an integer, `'_'` nil,
-- `'+', s` a status, `'-', s` an error, `'*', n` an array of the n values that follow.
local floor, ceil, tointeger, mtype = math.floor, math.ceil, math.tointeger, math.type

local reply = {}

-- A Lua number as Redis replies with it: truncated toward zero; NaN and values out of
-- range become the smallest 64-bit integer, as C's cast does.
local function to_integer(n)
  if mtype(n) == 'integer' then return n end
  if n ~= n or n >= 2 ^ 63 or n < -(2 ^ 63) then return math.mininteger end
  return tointeger(n >= 0 and floor(n) or ceil(n))
end

local function push(out, a, b)
  local n = out.n + 1
  out[n] = a
  if b ~= nil then
    n = n + 1
    out[n] = b
  end
  out.n = n
end

local encode

local function encode_table(value, out)
  if type(value.err) == 'string' then return push(out, '-', value.err) end
  if type(value.ok) == 'string' then return push(out, '+', value.ok) end
  local count = 0
  while value[count + 1] ~= nil do count = count + 1 end
  push(out, '*', count)
  for i = 1, count do encode(value[i], out) end
end

-- Appends the tokens of a script's value as Redis converts it: numbers to integers,
-- true → 1, false and nil → nil, `{ ok = s }`, `{ err = s }`, other tables → arrays up to
-- their first nil.
encode = function(value, out)
  local kind = type(value)
  if kind == 'number' then return push(out, ':', to_integer(value)) end
  if kind == 'string' then return push(out, '$', value) end
  if kind == 'boolean' and value then return push(out, ':', 1) end
  if kind == 'table' then return encode_table(value, out) end
  push(out, '_')
end

function reply.encode(value)
  local out = { n = 0 }
  encode(value, out)
  return out
end

-- The Lua value of the tokens from index `i` of `tokens`, as redis.call returns a reply:
-- nil is false, a status `{ ok = s }`, an error `{ err = s }`. Also returns the next index.
function reply.decode(tokens, i)
  local kind, value = tokens[i], tokens[i + 1]
  if kind == '_' then return false, i + 1 end
  if kind == '$' or kind == ':' then return value, i + 2 end
  if kind == '+' then return { ok = value }, i + 2 end
  if kind == '-' then return { err = value }, i + 2 end
  local array, next_index = {}, i + 2
  for index = 1, value do
    array[index], next_index = reply.decode(tokens, next_index)
  end
  return array, next_index
end

return reply
