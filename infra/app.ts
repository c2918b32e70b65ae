import { ContextError } from './context.js';
import { rosterApp } from './roster-app.js';

try {
  rosterApp().app.synth();
} catch (error) {
  if (!(error instanceof ContextError)) throw error;
  console.error(error.message);
  process.exit(1);
}
