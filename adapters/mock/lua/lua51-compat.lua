-- Redis' Lua is 5.1, where every number is a double; this VM is Lua 5.4, with 64-bit
-- integers and floats. Integers make timestamps in ms and counters past 2^31 exact, as
-- doubles do. What differs in what a script sees is bridged here: numbers print as 5.1
-- prints them (`%.14g`: `tostring(1e3)` is '1000', not '1000.0'), `string.format('%d')`
-- truncates floats, `tonumber` and `math.*` give integers for integral values (so `..`
-- prints them as 5.1 does), and the 5.1 names scripts use (`unpack`, `math.pow`, …) exist.
local format, floor, ceil, tointeger, mtype = string.format, math.floor, math.ceil, math.tointeger, math.type
local base_tostring, base_tonumber, pack, unpack = tostring, tonumber, table.pack, table.unpack

local function number_text(n)
  return format('%.14g', n)
end

-- A float truncated toward zero, as an integer when it fits (C's cast in Lua 5.1's %d).
local function truncate(n)
  if mtype(n) ~= 'float' then return n end
  local whole = n >= 0 and floor(n) or ceil(n)
  return tointeger(whole) or whole
end

local integer_conversions = { d = true, i = true, c = true, o = true, x = true, X = true }

local function lua51_format(pattern, ...)
  local args = pack(...)
  local index = 0
  for conversion in string.gmatch(pattern, '%%[-+ #0]*%d*%.?%d*(.)') do
    if conversion ~= '%' then
      index = index + 1
      local value = args[index]
      if integer_conversions[conversion] then
        local number = base_tonumber(value)
        if number ~= nil then args[index] = truncate(number) end
      elseif conversion == 's' and type(value) == 'number' then
        args[index] = number_text(value)
      end
    end
  end
  return format(pattern, unpack(args, 1, args.n))
end

-- A float with an integral value as an integer: 5.4 prints 2^10 as '1024.0' where 5.1
-- prints '1024', also with `..`. Used on what the library returns (tonumber, math.*).
local function integral(n)
  if mtype(n) == 'float' and n == floor(n) and n >= -(2 ^ 63) and n < 2 ^ 63 then
    return tointeger(n)
  end
  return n
end

local function returning_integral(f)
  return function(...)
    return integral(f(...))
  end
end

local function lua51_tonumber(value, base)
  local n = base_tonumber(value, base)
  if n == nil then return nil end
  return integral(n)
end

local function lua51_tostring(value)
  if type(value) == 'number' then return number_text(value) end
  return base_tostring(value)
end

local function maxn(t)
  local max = 0
  for key in pairs(t) do
    if type(key) == 'number' and key > max then max = key end
  end
  return max
end

string.format = lua51_format
math.pow = function(x, y) return x ^ y end
math.mod = math.fmod
math.log10 = function(x) return math.log(x, 10) end
math.ldexp = function(m, e) return m * 2.0 ^ e end
for _, name in ipairs({ 'abs', 'fmod', 'mod', 'max', 'min', 'pow', 'sqrt', 'exp', 'log', 'log10', 'ldexp' }) do
  math[name] = returning_integral(math[name])
end
table.getn = function(t) return #t end
table.maxn = maxn

return {
  tostring = lua51_tostring,
  tonumber = lua51_tonumber,
  unpack = unpack,
  number_text = number_text,
  truncate = truncate,
}
