-- A script's return value as Redis converts it to a reply: numbers to integers (truncated
-- toward zero; NaN and out-of-range values to the smallest 64-bit integer, as C's cast does),
-- true → 1, false and nil → nil, `{ ok = s }` → s, `{ err = s }` → an error, other tables →
-- arrays up to their first nil. Nil is handed to JS as `false`, an error as `{ __error = s }`.
local floor, ceil, tointeger, mtype = math.floor, math.ceil, math.tointeger, math.type

local function to_integer(n)
  if mtype(n) == 'integer' then return n end
  if n ~= n or n >= 2 ^ 63 or n < -(2 ^ 63) then return math.mininteger end
  return tointeger(n >= 0 and floor(n) or ceil(n))
end

local convert

local function to_array(t)
  local out, i = {}, 1
  while t[i] ~= nil do
    out[i] = convert(t[i])
    i = i + 1
  end
  return out
end

convert = function(value)
  local kind = type(value)
  if kind == 'number' then return to_integer(value) end
  if kind == 'string' then return value end
  if kind == 'boolean' then return value and 1 or false end
  if kind ~= 'table' then return false end
  if type(value.err) == 'string' then return { __error = value.err } end
  if type(value.ok) == 'string' then return value.ok end
  return to_array(value)
end

return { convert = convert }
