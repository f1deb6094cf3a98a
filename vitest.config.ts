// Tests spawn git and the built program; on a busy machine a process can take seconds to start,
// so the default 5 s per test is too tight to tell a hang from a slow start.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
