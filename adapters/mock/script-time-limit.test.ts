import { afterEach, describe, expect, it } from 'vitest';
import { createMockAdapter } from '../ioredis-mock.js';
import { setScriptTimeLimit } from './lua-engine.js';

describe("the mock's script time limit", () => {
  afterEach(() => setScriptTimeLimit(5000));

  it('stops a script that never ends with a BUSY error, and runs the next script', async () => {
    const redis = createMockAdapter();
    try {
      await setScriptTimeLimit(100);
      const forever = redis.defineScript('-- time limit\nlocal n = 0\nwhile true do n = n + 1 end');
      await expect(forever.run([], [])).rejects.toMatchObject({ code: 'BUSY' });
      await expect(forever.run([], [])).rejects.toThrow(/stopped this script after 0\.1 s of Lua/);
      expect(await redis.defineScript('-- time limit\nreturn 5').run([], [])).toBe(5);
    } finally {
      await redis.close();
    }
  });
});
