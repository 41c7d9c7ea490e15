-- Lua 5.4 compiles what Redis' Lua 5.1 refuses: integer division `//`, the bitwise
-- operators `& | ~ << >>`, `goto` and `::labels::`. A script that uses them must not pass
-- on the mock and fail on Redis, so they are refused here, with Redis' compile error.
-- A small scanner: strings and comments are skipped, everything else is read token by token.
local format = string.format

local operators = { '//', '<<', '>>', '::', '&', '|' }

local function long_bracket_end(source, i)
  local level = source:match('^%[(=*)%[', i)
  if not level then return nil end
  local _, stop = source:find(']' .. level .. ']', i, true)
  return stop or #source
end

local function quoted_end(source, i, quote)
  local j = i + 1
  while j <= #source do
    local c = source:sub(j, j)
    if c == '\\' then
      j = j + 2
    elseif c == quote or c == '\n' then
      return j
    else
      j = j + 1
    end
  end
  return #source
end

local function lines_in(source, from, to)
  local _, count = source:sub(from, to):gsub('\n', '')
  return count
end

local function refused(source, i)
  for _, operator in ipairs(operators) do
    if source:sub(i, i + #operator - 1) == operator then return operator:sub(1, 1) end
  end
  if source:sub(i, i) == '~' and source:sub(i + 1, i + 1) ~= '=' then return '~' end
  return nil
end

-- nil, or the compile error Redis gives for the first Lua 5.2+ construct in `source`.
local function check(source)
  local i, line = 1, 1
  while i <= #source do
    local c = source:sub(i, i)
    local stop
    if source:sub(i, i + 1) == '--' then
      stop = long_bracket_end(source, i + 2) or ((source:find('\n', i, true) or #source + 1) - 1)
    elseif c == '"' or c == "'" then
      stop = quoted_end(source, i, c)
    elseif c == '[' then
      stop = long_bracket_end(source, i)
    end
    if stop then
      line = line + lines_in(source, i, stop)
      i = stop + 1
    else
      local word = source:match('^[%a_][%w_]*', i)
      if word == 'goto' then
        local target = source:match('^%s*([%a_][%w_]*)', i + 4) or '<eof>'
        return format("user_script:%d: '=' expected near '%s'", line, target)
      end
      local symbol = not word and refused(source, i)
      if symbol then return format("user_script:%d: unexpected symbol near '%s'", line, symbol) end
      if c == '\n' then line = line + 1 end
      i = i + (word and #word or 1)
    end
  end
  return nil
end

return { check = check }
