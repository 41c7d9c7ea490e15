-- Redis' `cjson`: encode and decode JSON as lua-cjson does (numbers with `%.14g`, `/`
-- escaped, a table with only positive integer keys is an array, `{}` is an object,
-- `cjson.null` for JSON null).
local format, concat, byte, char = string.format, table.concat, string.byte, utf8.char
local compat = require('lua51-compat')

local cjson = { null = setmetatable({}, { __tostring = function() return 'userdata: NULL' end }) }

local escapes = {
  ['"'] = '\\"', ['\\'] = '\\\\', ['/'] = '\\/', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t',
}

local function encode_string(text)
  return '"' .. text:gsub('[%c"\\/]', function(c) return escapes[c] or format('\\u%04x', byte(c)) end) .. '"'
end

local function encode_number(n)
  if n ~= n or n == math.huge or n == -math.huge then error('Cannot serialise number: must not be NaN or Inf', 0) end
  return compat.number_text(n)
end

-- The length of `t` as an array, or nil when it is an object (lua-cjson's rule).
local function array_length(t)
  local max, count = 0, 0
  for key in pairs(t) do
    if math.type(key) ~= 'integer' and not (type(key) == 'number' and key == math.floor(key)) or key < 1 then
      return nil
    end
    if key > max then max = key end
    count = count + 1
  end
  if count == 0 then return nil end
  if max > 10 and max > count * 2 then error('Cannot serialise table: excessively sparse array', 0) end
  return max
end

local encode

local function encode_table(t)
  local length = array_length(t)
  local parts = {}
  if length then
    for i = 1, length do parts[i] = t[i] == nil and 'null' or encode(t[i]) end
    return '[' .. concat(parts, ',') .. ']'
  end
  for key, value in pairs(t) do
    local kind = type(key)
    if kind ~= 'string' and kind ~= 'number' then error('Cannot serialise table: table key must be a number or string', 0) end
    parts[#parts + 1] = encode_string(kind == 'number' and compat.number_text(key) or key) .. ':' .. encode(value)
  end
  return '{' .. concat(parts, ',') .. '}'
end

encode = function(value)
  local kind = type(value)
  if value == cjson.null or value == nil then return 'null' end
  if kind == 'string' then return encode_string(value) end
  if kind == 'number' then return encode_number(value) end
  if kind == 'boolean' then return tostring(value) end
  if kind == 'table' then return encode_table(value) end
  error('Cannot serialise ' .. kind .. ': type not supported', 0)
end

local literals = { ['true'] = true, ['false'] = false }
local unescapes = { b = '\b', f = '\f', n = '\n', r = '\r', t = '\t', ['"'] = '"', ['\\'] = '\\', ['/'] = '/' }

local function decoder(text)
  local pos = 1
  local function fail(what)
    error(format('Expected %s but found invalid token at character %d', what, pos), 0)
  end
  local function skip()
    pos = text:find('[^ \t\r\n]', pos) or #text + 1
  end
  local function read_string()
    local parts, i = {}, pos + 1
    while true do
      local c = text:sub(i, i)
      if c == '' then fail('string end') end
      if c == '"' then
        pos = i + 1
        return concat(parts)
      end
      if c == '\\' then
        local e = text:sub(i + 1, i + 1)
        if e == 'u' then
          local code = tonumber(text:sub(i + 2, i + 5), 16) or fail('unicode escape')
          i = i + 6
          if code >= 0xD800 and code <= 0xDBFF and text:sub(i, i + 1) == '\\u' then
            local low = tonumber(text:sub(i + 2, i + 5), 16) or fail('unicode escape')
            code = 0x10000 + (code - 0xD800) * 0x400 + (low - 0xDC00)
            i = i + 6
          end
          parts[#parts + 1] = char(code)
        else
          parts[#parts + 1] = unescapes[e] or fail('escape')
          i = i + 2
        end
      else
        local stop = text:find('["\\]', i) or #text + 1
        parts[#parts + 1] = text:sub(i, stop - 1)
        i = stop
      end
    end
  end
  local read_value
  local function read_list(close, read_item)
    pos = pos + 1
    skip()
    if text:sub(pos, pos) == close then
      pos = pos + 1
      return
    end
    while true do
      read_item()
      skip()
      local c = text:sub(pos, pos)
      pos = pos + 1
      if c == close then return end
      if c ~= ',' then
        pos = pos - 1
        fail("comma or '" .. close .. "'")
      end
    end
  end
  read_value = function()
    skip()
    local c = text:sub(pos, pos)
    if c == '"' then return read_string() end
    if c == '[' then
      local array = {}
      read_list(']', function() array[#array + 1] = read_value() end)
      return array
    end
    if c == '{' then
      local object = {}
      read_list('}', function()
        skip()
        if text:sub(pos, pos) ~= '"' then fail('object key string') end
        local key = read_string()
        skip()
        if text:sub(pos, pos) ~= ':' then fail('colon') end
        pos = pos + 1
        object[key] = read_value()
      end)
      return object
    end
    local word = text:match('^%a+', pos)
    if word == 'null' then
      pos = pos + 4
      return cjson.null
    end
    if literals[word] ~= nil then
      pos = pos + #word
      return literals[word]
    end
    local number = text:match('^-?%d+%.?%d*[eE]?[-+]?%d*', pos)
    if number and tonumber(number) then
      pos = pos + #number
      return tonumber(number)
    end
    fail('value')
  end
  return function()
    local value = read_value()
    skip()
    if pos <= #text then fail('the end') end
    return value
  end
end

function cjson.encode(value)
  return encode(value)
end

function cjson.decode(text)
  if type(text) ~= 'string' then error('bad argument #1 to decode (string expected)', 2) end
  return decoder(text)()
end

return cjson
