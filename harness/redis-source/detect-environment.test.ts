import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockerAnswers, findOnPath } from './detect-environment.js';

describe('findOnPath', () => {
  it('finds an executable in a PATH directory', () => {
    const directory = mkdtempSync(join(tmpdir(), 'katas-path-'));
    const binary = join(directory, 'redis-server');
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
    expect(findOnPath('redis-server', `/nonexistent:${directory}`)).toBe(binary);
  });

  it('returns null when no PATH directory has it', () => {
    expect(findOnPath('redis-server', mkdtempSync(join(tmpdir(), 'katas-empty-')))).toBeNull();
  });
});

describe('dockerAnswers', () => {
  it('is false when DOCKER_HOST points at a socket nothing listens on', async () => {
    expect(await dockerAnswers({ DOCKER_HOST: 'unix:///nonexistent/docker.sock' })).toBe(false);
  });
});
