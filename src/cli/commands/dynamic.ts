/** `mechcheck dynamic` (seed 004): not built yet. */
import { InputError } from '../../core/errors.ts';
import type { Command } from '../main.ts';

export const command: Command = {
  summary: 'seed 004 command (not built yet)',
  async run() {
    throw new InputError('dynamic', 'this command is not available yet');
  },
};
