import { en } from 'zod/locales';
import { config } from 'zod/mini';

/**
 * zod for the functions: zod/mini, whose schemas are plain functions a bundle keeps only when it
 * uses them (zod's classic API keeps ~80 KB in every bundle, whatever it uses: test/bench, cold
 * start). Import it as `import * as z from '<path>/zod.js'`, never 'zod' or 'zod/mini' directly:
 * zod/mini registers no locale, and without English every issue would only say "Invalid input".
 */
config(en());

export * from 'zod/mini';
