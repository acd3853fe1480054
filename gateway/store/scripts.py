"""Lua scripts of the Redis store. Each runs atomically, so the checks they make (is the
session closed? is the buffer full?) cannot race with another replica's writes."""

# KEYS: closed, meta, turns, activity, user_sessions
# ARGV: turn, max_bytes, ttl_ms, deadline_ms, member, now_ms, subject, session, [type, count]...
APPEND = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 'closed' end
local ttl = tonumber(ARGV[3])
local function extend(key)
  local p = redis.call('PTTL', key)
  if p < ttl then redis.call('PEXPIRE', key, ttl) end
end
local outcome = 'ok'
local size = tonumber(redis.call('HGET', KEYS[2], 'bytes') or '0')
if size + string.len(ARGV[1]) > tonumber(ARGV[2]) then
  redis.call('HINCRBY', KEYS[2], 'dropped', 1)
  outcome = 'full'
else
  redis.call('RPUSH', KEYS[3], ARGV[1])
  redis.call('PEXPIRE', KEYS[3], ttl)
  redis.call('HINCRBY', KEYS[2], 'bytes', string.len(ARGV[1]))
  for i = 9, #ARGV, 2 do
    redis.call('HINCRBY', KEYS[2], 'r:' .. ARGV[i], tonumber(ARGV[i + 1]))
  end
end
redis.call('HSETNX', KEYS[2], 'started', ARGV[6])
redis.call('HSET', KEYS[2], 'subject', ARGV[7], 'last', ARGV[6])
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('ZADD', KEYS[4], ARGV[4], ARGV[5])
extend(KEYS[4])
redis.call('SADD', KEYS[5], ARGV[8])
extend(KEYS[5])
return outcome
"""

# KEYS: closed, stream, activity
# ARGV: reason, closed_ttl_ms, tenant, session, now_ms, stream_ttl_ms, member
END = """
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
redis.call('XADD', KEYS[2], '*', 't', ARGV[3], 's', ARGV[4], 'r', ARGV[1], 'at', ARGV[5])
local p = redis.call('PTTL', KEYS[2])
if p < tonumber(ARGV[6]) then redis.call('PEXPIRE', KEYS[2], ARGV[6]) end
redis.call('ZREM', KEYS[3], ARGV[7])
return 1
"""

# KEYS: activity; ARGV: now_ms, limit. Takes (removes) due members, so one caller gets each.
TAKE_DUE = """
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
if #due > 0 then redis.call('ZREM', KEYS[1], unpack(due)) end
return due
"""
