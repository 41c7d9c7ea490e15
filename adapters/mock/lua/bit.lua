-- LuaBitOp's `bit`, as Redis ships it: 32-bit operations with signed 32-bit results.
local tointeger, floor = math.tointeger, math.floor

local function int32(n)
  local value = tointeger(n) or tointeger(floor(n)) or 0
  value = value & 0xffffffff
  if value >= 0x80000000 then value = value - 0x100000000 end
  return value
end

local function fold(operation)
  return function(first, ...)
    local result = int32(first)
    for i = 1, select('#', ...) do result = operation(result, int32(select(i, ...))) end
    return int32(result)
  end
end

return {
  tobit = int32,
  bnot = function(x) return int32(~int32(x)) end,
  band = fold(function(a, b) return a & b end),
  bor = fold(function(a, b) return a | b end),
  bxor = fold(function(a, b) return a ~ b end),
  lshift = function(x, n) return int32(int32(x) << (int32(n) & 31)) end,
  rshift = function(x, n) return int32((int32(x) & 0xffffffff) >> (int32(n) & 31)) end,
  arshift = function(x, n) return int32(x) // (1 << (int32(n) & 31)) end,
  tohex = function(x, n) return string.format('%0' .. (n or 8) .. 'x', int32(x) & 0xffffffff) end,
}
