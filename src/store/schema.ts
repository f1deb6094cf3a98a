// The JSON Schemas in schemas/ are the one source of the field rules. The validators are compiled
// from them at build time (scripts/build.mjs); schema-problems.ts words their errors.
import configSchema from '../../schemas/config.schema.json' with { type: 'json' };
import taskSchema from '../../schemas/task.schema.json' with { type: 'json' };
import { validateConfig, type Validator } from '../generated/validate-config.js';
import { validateTask } from '../generated/validate-task.js';

export { configSchema, taskSchema, validateConfig, validateTask, type Validator };

export const TASK_KEYS = Object.keys(taskSchema.properties);
