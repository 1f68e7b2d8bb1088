// Runs before every test file (vitest.config.ts setupFiles).
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp.js';

// Git clones of the registry races are thousands of files: on a loaded shared disk deleting them
// took over a minute (the default hook timeout), so this bound is for a hang only.
afterAll(removeTempDirs, 600_000);
